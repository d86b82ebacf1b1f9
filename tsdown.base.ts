import { defineConfig } from 'tsdown';

// One build config for every published package: ESM + CJS, each with its own declarations
// (index.d.ts for import, index.d.cts for require), so attw sees no masquerading types.
// Entries: src/index.ts always; src/cli.ts too where a package ships a bin.
import { existsSync } from 'node:fs';

const entry = ['src/index.ts', ...(existsSync('src/cli.ts') ? ['src/cli.ts'] : [])];

export default defineConfig({
  entry,
  format: ['esm', 'cjs'],
  dts: true,
  platform: 'neutral',
  target: 'es2022',
  sourcemap: false,
  clean: true,
  treeshake: true,
  outDir: 'dist',
});
