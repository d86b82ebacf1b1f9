import { defineConfig } from 'tsdown';
import base from '../../tsdown.base';

// The shared config targets the neutral platform (browser-safe packages). This package is Node-only
// (node:http sandboxes, child processes, a CLI), so build for node: `node:*` imports resolve as builtins
// instead of producing UNRESOLVED_IMPORT warnings, and `import.meta.url` is shimmed in the CJS output.
export default defineConfig({ ...base, platform: 'node' });
