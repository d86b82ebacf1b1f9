// B8 — cold start: in a fresh Node process per sample, the time to `await import()` the library and to create
// its first client (and a second one). Samples interleave the variants, their order shuffled every round, so
// background load hits all of them alike. Node's own start-up is outside the timed span.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { interleave, rows } from '../lib/measure.mjs';
import { check, medianOf } from '../lib/result.mjs';

export const id = 'B8';
export const title = 'Cold import and first client creation (fresh processes)';

const exec = promisify(execFile);
const child = fileURLToPath(new URL('./b8-child.mjs', import.meta.url));
const NAMES = {
  facade: 'facade (@commerce-collections/sdk)',
  highlevel: '@commerce-collections/highlevel',
  'openapi-fetch': 'openapi-fetch',
  official: '@gohighlevel/api-client',
  'facade+fetch-loaded': 'facade, Node fetch already loaded',
  'openapi-fetch+fetch-loaded': 'openapi-fetch, Node fetch already loaded',
  'facade-one-file': 'facade pre-bundled into one file (informative)',
};

/** The facade's dist with its dependencies in one ESM file (esbuild, not minified), imported by path. */
async function bundleFacade(dir) {
  const esbuild = await import('esbuild');
  const outfile = join(dir, 'facade.mjs');
  await esbuild.build({
    stdin: {
      contents: "export * from '@commerce-collections/sdk';",
      resolveDir: fileURLToPath(new URL('../..', import.meta.url)),
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'es2022',
    outfile,
    logLevel: 'silent',
  });
  return pathToFileURL(outfile).href;
}

export async function run({ quick }) {
  const samples = quick ? 5 : 20;
  const dir = await mkdtemp(join(tmpdir(), 'b8-'));
  const env = { ...process.env, B8_ONE_FILE: await bundleFacade(dir) };
  const variants = Object.keys(NAMES).map((key) => ({ name: key }));
  const raw = new Map(variants.map((v) => [v.name, []]));
  await interleave(variants, {
    rounds: samples,
    warmup: 1,
    sample: async (variant) => {
      const { stdout } = await exec(process.execPath, [child, variant.name], { env }).catch((error) => {
        throw new Error(
          `${variant.name}: ${error.stderr?.split('\n').find((l) => /Error/.test(l)) ?? error.message}`,
        );
      });
      const r = JSON.parse(stdout);
      raw.get(variant.name).push(r);
      return r.importMs;
    },
  });
  await rm(dir, { recursive: true, force: true });
  // interleave's warm-up samples are included in raw: drop them.
  for (const list of raw.values()) list.shift();
  const pick = (field) => new Map([...raw].map(([key, list]) => [NAMES[key], list.map((r) => r[field])]));
  const importGroup = { name: 'import', variants: rows(pick('importMs')) };
  const createGroup = { name: 'first client creation', variants: rows(pick('createMs')) };
  const secondGroup = { name: 'second client creation', variants: rows(pick('secondCreateMs')) };
  return {
    id,
    title,
    unit: 'ms',
    fixture: `${samples} fresh processes per variant`,
    groups: [importGroup, createGroup, secondGroup],
    notes: [
      'The "import" of a `+fetch-loaded` variant includes touching globalThis.Request (Node 20 loads undici then).',
      'The "pre-bundled into one file" row imports the same code as one module by path: its gap to the facade row is what Node spends loading five modules and resolving their eight package specifiers.',
      "Node 20 defines fetch, Request, Headers and Response as lazy getters: the first touch loads undici (15–17 ms unloaded, more on a busy machine). openapi-fetch's createClient touches globalThis.Request (the default of its `Request` option), so every client built on it pays that at its first creation.",
    ],
    checks: [
      // 8.6 ms: the facade's import before the thin-facade redesign (#12), which must not make it slower.
      check('facade import', medianOf(importGroup, NAMES.facade), '<=', 8.6, '≤ 8.6 ms'),
      check(
        'facade import / openapi-fetch import (same run)',
        medianOf(importGroup, NAMES.facade) / medianOf(importGroup, NAMES['openapi-fetch']),
        '<=',
        5,
        '≤ 5× (5 ms vs the 1 ms planning figure)',
        'informative: the target rescaled to this machine',
      ),
      check(
        'facade first create (both providers)',
        medianOf(createGroup, NAMES.facade),
        '<=',
        0.2,
        '≤ 0.2 ms',
      ),
      check(
        'facade first create, Node fetch already loaded',
        medianOf(createGroup, NAMES['facade+fetch-loaded']),
        '<=',
        0.2,
        '≤ 0.2 ms',
        "informative: without Node's one-off fetch load",
      ),
    ],
  };
}
