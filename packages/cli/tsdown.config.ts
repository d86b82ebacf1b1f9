import { defineConfig } from 'tsdown';
import base from '../../tsdown.base';

// The shared config targets the neutral platform; the CLI is Node-only (process, streams, signals), so build
// for node: `node:*` imports resolve as builtins and `import.meta.url` is shimmed in the CJS output.
export default defineConfig({ ...base, platform: 'node' });
