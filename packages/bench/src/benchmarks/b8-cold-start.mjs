// B8 — cold start: in a fresh Node process per sample, the time to `await import()` the library and to create
// its first client (and a second one). Samples interleave the variants, rotating their order, so background
// load hits all of them alike. Node's own start-up is outside the timed span.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
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
};

export async function run({ quick }) {
  const samples = quick ? 5 : 20;
  const variants = Object.keys(NAMES).map((key) => ({ name: key }));
  const raw = new Map(variants.map((v) => [v.name, []]));
  await interleave(variants, {
    rounds: samples,
    warmup: 1,
    sample: async (variant) => {
      const { stdout } = await exec(process.execPath, [child, variant.name]).catch((error) => {
        throw new Error(
          `${variant.name}: ${error.stderr?.split('\n').find((l) => /Error/.test(l)) ?? error.message}`,
        );
      });
      const r = JSON.parse(stdout);
      raw.get(variant.name).push(r);
      return r.importMs;
    },
  });
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
      "Node 20 defines fetch, Request, Headers and Response as lazy getters: the first touch loads undici (15–17 ms unloaded, more on a busy machine). openapi-fetch's createClient touches globalThis.Request (the default of its `Request` option), so every client built on it pays that at its first creation.",
    ],
    checks: [
      check('facade import', medianOf(importGroup, NAMES.facade), '<=', 5, '≤ 5 ms'),
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
