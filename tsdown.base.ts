// One build config for every published package: ESM + CJS, each with its own declarations
// (index.d.ts for import, index.d.cts for require), so attw sees no masquerading types.
// Entries: src/index.ts always; src/cli.ts too where a package ships a bin. The runtime builds its three
// entries in two passes on top of this (packages/runtime/tsdown.config.ts).
import { existsSync } from 'node:fs';
import { defineConfig } from 'tsdown';

const entry = ['src/index.ts', ...['src/cli.ts'].filter((file) => existsSync(file))];

/**
 * Escapes every non-ASCII character of the JavaScript output as `\uXXXX` (declaration files are left alone, for
 * editors' hover text). One `—` or `…` anywhere in a file, comments included, makes Node decode it on a slow path
 * and V8 hold and scan it as a two-byte string: measured on the four packages' ESM files, the facade's cold
 * import took ≈0.8 ms longer (8.5 → 7.7 ms, packages/bench B8). Non-ASCII appears only in comments, strings,
 * templates and regular expressions here, where `\uXXXX` means the same character (no `String.raw` in the
 * sources; none follows a backslash). Newer rolldown has `output.charset: 'ascii'`; the one under tsdown 0.15 does not.
 */
const asciiOnly = {
  name: 'ascii-only-output',
  renderChunk(code: string, chunk: { fileName: string }) {
    if (/\.d\.[cm]?ts$/.test(chunk.fileName) || !/[\u0080-\uffff]/.test(code)) return null;
    return {
      code: code.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
      map: null,
    };
  },
};

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
  plugins: [asciiOnly],
});
