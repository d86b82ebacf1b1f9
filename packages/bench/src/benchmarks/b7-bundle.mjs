// B7 — browser bundle size: esbuild (bundle, minify, platform browser, ESM, tree-shaking) of an entry that
// imports one factory, from the packages' built dist (what a user's bundler gets), then gzip -9. Baselines:
// openapi-fetch's createClient alone and each client alone. Second part: the facade bundled from the packages'
// TypeScript sources with a metafile, summing what the generated files (`src/generated/openapi.ts`, types only)
// contribute to the output: the target is 0 bytes. Third part (informative): the facade's gzip bytes by feature,
// each the bytes the bundle loses when that feature's output is cut out (from the sources bundle's source map).

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

async function bundle(esbuild, contents, plugins = [], extra = {}) {
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
    ...extra,
  });
  const bytes = result.outputFiles.find((file) => !file.path.endsWith('.map')).contents;
  const map = result.outputFiles.find((file) => file.path.endsWith('.map'))?.text;
  return {
    min: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    metafile: result.metafile,
    bytes,
    map,
  };
}

// Features of the facade bundle, by source module (first match wins; the rest is "other").
const FEATURES = [
  ['openapi-fetch (the library)', /openapi-fetch\//],
  [
    'typed errors (classes, status texts, HTTP → error, messages)',
    /runtime\/src\/(errors|errors-entry|status-text|http-error|collect-messages)\.ts|sdk\/src\/(consistency-error|page-size-error)\.ts/,
  ],
  [
    'input validation (options, params, query, cursor)',
    /runtime\/src\/(validation|client-checks)\.ts|(highlevel|shoplazza)\/src\/(options|query-rules(-2025)?)\.ts|sdk\/src\/(validate-[a-z-]+|resolve-query)\.ts/,
  ],
  [
    'transport (send loop, one attempt, reports, call options)',
    /runtime\/src\/(transport|attempt|attempt-report|request-options|redirect)\.ts/,
  ],
  [
    'pagination (pagers, cursors, progress, one page)',
    /sdk\/src\/(offset-pages|page-number-pages|cursor-pages|walk-pages|pager|cursor|token|progress|list-one-page|page|recent-ids)\.ts/,
  ],
  [
    'body reading (size cap, UTF-8, safe JSON, shape check)',
    /runtime\/src\/(read-body|read-json|safe-json)\.ts|validate-page(-2025)?\.ts/,
  ],
  ['rate limiters', /runtime\/src\/rate-limit\//],
  [
    'client factories (create, auth, query serialiser, constants, listCollections)',
    /runtime\/src\/provider-client\.ts|(highlevel|shoplazza)\/src\/(create-client|constants|list-collections(-2025)?)\.ts/,
  ],
  ['facade factory and options', /sdk\/src\/(create-collections-client|client-options)\.ts/],
  ['redaction and logging', /runtime\/src\/(redact|logging)\.ts/],
  ['provider adapters and the common model', /sdk\/src\/(adapters\/[a-z0-9-]+|absolute-url|collection)\.ts/],
  ['deadlines and abort', /runtime\/src\/timeout\.ts/],
  ['retry and sleep', /runtime\/src\/(retry|sleep)\.ts/],
];

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The source index of every output character, from a source map (only the source field of each segment). */
function ownersOf(text, map) {
  const owners = new Int32Array(text.length).fill(-1);
  const segments = [];
  let offset = 0;
  let source = 0;
  const lines = map.mappings.split(';');
  const lengths = text.split('\n').map((line) => line.length + 1);
  for (let line = 0; line < lines.length; line++) {
    let column = 0;
    for (const segment of lines[line].split(',')) {
      if (!segment) continue;
      const fields = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = B64.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += fields[0];
      if (fields.length > 1) source += fields[1];
      segments.push([offset + column, fields.length > 1 ? source : -1]);
    }
    offset += lengths[line] ?? 0;
  }
  for (let i = 0; i < segments.length; i++) {
    const end = i + 1 < segments.length ? segments[i + 1][0] : text.length;
    owners.fill(segments[i][1], segments[i][0], end);
  }
  return owners;
}

/** gzip bytes per feature: the whole bundle's gzip minus the gzip of the bundle without that feature's output. */
function featureBytes(source) {
  const text = Buffer.from(source.bytes).toString('latin1');
  const map = JSON.parse(source.map);
  const owners = ownersOf(text, map);
  const featureOf = map.sources.map((path) => FEATURES.findIndex(([, pattern]) => pattern.test(path)));
  const gzip = (s) => gzipSync(Buffer.from(s, 'latin1'), { level: 9 }).length;
  const rows = [...FEATURES.map(([name]) => name), 'other'].map((name, index) => {
    const feature = index < FEATURES.length ? index : -1;
    let kept = '';
    let minified = 0;
    for (let k = 0; k < text.length; k++) {
      const owner = owners[k] < 0 ? -1 : featureOf[owners[k]];
      if (owner === feature) minified++;
      else kept += text[k];
    }
    return { name, minified, gzip: source.gzip - gzip(kept) };
  });
  return rows.filter((row) => row.minified > 0);
}

/**
 * Resolves @commerce-collections/<pkg>[/internal|/errors] to packages/<pkg>/src/{index,internal,errors-entry}.ts
 * (from sources); a subpath left to the dist would count as "other" and copy the error classes twice.
 */
const fromSources = {
  name: 'workspace-sources',
  setup(build) {
    build.onResolve(
      { filter: /^@commerce-collections\/(sdk|highlevel|shoplazza|runtime)(\/internal|\/errors)?$/ },
      (args) => {
        const [, name, subpath = 'index'] = args.path.split('/');
        const file = subpath === 'errors' ? 'errors-entry' : subpath;
        return { path: join(packagesDir, name, 'src', `${file}.ts`) };
      },
    );
  },
};

/** Minified bytes a bundle takes from one workspace package (its dist or its sources). */
function bytesFromPackage(metafile, name) {
  const pattern = new RegExp(`(?:^|/)(?:${name}|@commerce-collections/${name})/(?:dist|src)/`);
  return Object.values(metafile.outputs)
    .flatMap((output) => Object.entries(output.inputs))
    .filter(([path]) => pattern.test(path))
    .reduce((sum, [, input]) => sum + input.bytesInOutput, 0);
}

export async function run() {
  const esbuild = await import('esbuild');
  const variants = [];
  const unavailable = [];
  const otherProviderBytes = {};
  for (const [name, contents] of ENTRIES) {
    try {
      const { min, gzip, metafile } = await bundle(esbuild, contents);
      const other = { highlevel: 'shoplazza', shoplazza: 'highlevel' }[name.split(':')[0]];
      if (other) otherProviderBytes[name] = bytesFromPackage(metafile, other);
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
  let featureGroup;
  try {
    const source = await bundle(esbuild, ENTRIES[0][1], [fromSources], {
      sourcemap: 'external',
      outfile: join(benchDir, 'b7-facade.js'), // names the outputs; nothing is written
    });
    const output = Object.entries(source.metafile.outputs).find(([path]) => !path.endsWith('.map'))[1];
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
    featureGroup = {
      name: 'facade bundle by feature (from sources; gzip bytes the bundle loses without it)',
      variants: featureBytes(source)
        .sort((a, b) => b.gzip - a.gzip)
        .map((row) => ({
          name: `${row.name}, ${row.minified} B minified`,
          rounds: [row.gzip / 1000],
          median: row.gzip / 1000,
        })),
    };
    notes.push(
      'By feature: each figure is gzip(whole bundle) − gzip(bundle with that feature’s output cut out), attributed ' +
        'per source module through the source map; gzip shares strings across features, so the figures sum to ' +
        'less than the whole.',
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
    groups: [{ name: 'one factory imported', variants }, ...(featureGroup ? [featureGroup] : [])],
    unavailable,
    notes,
    checks: [
      // 18.1 kB: the facade's bundle before the thin-facade redesign (#12), which must make it smaller.
      check('facade bundle, min + gzip', facade?.median, '<', 18.1, '< 18.1 kB'),
      check('generated types in the bundle', generatedBytes, '<=', 0, '0 bytes'),
      ...Object.entries(otherProviderBytes).map(([name, bytes]) =>
        check(`${name} alone: bytes from the other provider's package`, bytes, '<=', 0, '0 bytes'),
      ),
    ],
  };
}
