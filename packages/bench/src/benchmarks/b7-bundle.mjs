// B7 — browser bundle size: esbuild (bundle, minify, platform browser, ESM, tree-shaking) of an entry that
// imports one factory, from the packages' built dist (what a user's bundler gets), then gzip -9. Baselines:
// openapi-fetch's createClient alone and each client alone. Second part: the facade bundled from the packages'
// TypeScript sources with a metafile, summing what the generated files (`src/generated/openapi.ts`, types only)
// contribute to the output: the target is 0 bytes.

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { check } from '../lib/result.mjs';

export const id = 'B7';
export const title = 'Browser bundle (esbuild, minified + gzip)';

const benchDir = fileURLToPath(new URL('../..', import.meta.url));
const packagesDir = dirname(benchDir);

const ENTRIES = [
  ['facade: createCollectionsClient', "export { createCollectionsClient } from '@commerce-collections/sdk';"],
  [
    'highlevel: createHighLevelClient',
    "export { createHighLevelClient } from '@commerce-collections/highlevel';",
  ],
  [
    'shoplazza: createShoplazzaClient',
    "export { createShoplazzaClient } from '@commerce-collections/shoplazza';",
  ],
  ['openapi-fetch: createClient', "export { default } from 'openapi-fetch';"],
];

async function bundle(esbuild, contents, plugins = []) {
  const result = await esbuild.build({
    stdin: { contents, resolveDir: benchDir, loader: 'js' },
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins,
  });
  const bytes = result.outputFiles[0].contents;
  return { min: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, metafile: result.metafile };
}

/** Resolves @commerce-collections/<pkg> to packages/<pkg>/src/index.ts (bundling from sources). */
const fromSources = {
  name: 'workspace-sources',
  setup(build) {
    build.onResolve({ filter: /^@commerce-collections\/(sdk|highlevel|shoplazza|runtime)$/ }, (args) => ({
      path: join(packagesDir, args.path.split('/')[1], 'src', 'index.ts'),
    }));
  },
};

export async function run() {
  const esbuild = await import('esbuild');
  const variants = [];
  const unavailable = [];
  for (const [name, contents] of ENTRIES) {
    try {
      const { min, gzip } = await bundle(esbuild, contents);
      variants.push({
        name,
        rounds: [gzip / 1000],
        median: gzip / 1000,
        note: `${(min / 1000).toFixed(2)} kB minified`,
      });
    } catch (error) {
      unavailable.push({ name, unavailable: String(error?.message ?? error).split('\n')[0] });
    }
  }
  const notes = variants.map((v) => `${v.name}: ${v.note}, ${v.median.toFixed(2)} kB gzip`);
  let generatedBytes;
  try {
    const source = await bundle(esbuild, ENTRIES[0][1], [fromSources]);
    const output = Object.values(source.metafile.outputs)[0];
    const generated = Object.entries(output.inputs).filter(([path]) => path.includes('/generated/'));
    generatedBytes = generated.reduce((sum, [, input]) => sum + input.bytesInOutput, 0);
    const byPackage = {};
    for (const [path, input] of Object.entries(output.inputs)) {
      const key =
        path.match(/(?:^|\/)(runtime|sdk|highlevel|shoplazza)\/src\//)?.[1] ??
        path.match(/\.pnpm\/((?:@[^+/]+\+)?[^@/]+)@/)?.[1].replace('+', '/') ??
        path;
      byPackage[key] = (byPackage[key] ?? 0) + input.bytesInOutput;
    }
    notes.push(
      `from sources: ${(source.min / 1000).toFixed(2)} kB minified, ${(source.gzip / 1000).toFixed(2)} kB gzip; ` +
        `generated files in the output: ${generated.length} (${generatedBytes} bytes); minified bytes by package: ` +
        Object.entries(byPackage)
          .sort((a, b) => b[1] - a[1])
          .map(([k, v]) => `${k} ${v}`)
          .join(', '),
    );
  } catch (error) {
    notes.push(`bundling from sources failed: ${String(error?.message ?? error).split('\n')[0]}`);
  }
  const facade = variants.find((v) => v.name.startsWith('facade'));
  return {
    id,
    title,
    unit: 'kB gzip',
    fixture: 'esbuild 0.28, bundle + minify, platform browser, format esm, target es2022; gzip level 9',
    groups: [{ name: 'one factory imported', variants }],
    unavailable,
    notes,
    checks: [
      check('facade bundle, min + gzip', facade?.median, '<=', 6, '≤ 6 kB'),
      check('generated types in the bundle', generatedBytes, '<=', 0, '0 bytes'),
    ],
  };
}
