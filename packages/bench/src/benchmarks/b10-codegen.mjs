// B10 — codegen time per spec: openapi-typescript in-process (as scripts/generate-types.mjs runs it), from
// specs/<api>/openapi.yaml to the TypeScript text. Repeat calls in this process, interleaved (the figure the
// target is about), plus fresh-process samples of the module import and the first call, which a one-shot
// `pnpm generate` pays once.
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { interleave, median, rows } from '../lib/measure.mjs';
import { check, medianOf } from '../lib/result.mjs';

export const id = 'B10';
export const title = 'Codegen time per spec (openapi-typescript, in-process)';

const exec = promisify(execFile);
const child = fileURLToPath(new URL('./b10-child.mjs', import.meta.url));
const spec = (api) => fileURLToPath(new URL(`../../../../specs/${api}/openapi.yaml`, import.meta.url));

export async function run({ rounds, quick }) {
  const require = createRequire(import.meta.url);
  const { default: openapiTS, astToString } = require('openapi-typescript');
  const variants = ['highlevel', 'shoplazza'].map((api) => ({
    name: `specs/${api}/openapi.yaml`,
    url: pathToFileURL(spec(api)),
  }));
  const figures = await interleave(variants, {
    rounds: Math.max(rounds, 10),
    warmup: 2,
    sample: async (variant) => {
      const started = performance.now();
      astToString(await openapiTS(variant.url));
      return performance.now() - started;
    },
  });
  const group = { name: 'repeat call, in-process', variants: rows(figures) };
  const fresh = { name: 'first call in a fresh process', variants: [] };
  const imports = [];
  for (const variant of variants) {
    const firsts = [];
    for (let i = 0; i < (quick ? 2 : 4); i++) {
      const r = JSON.parse((await exec(process.execPath, [child, fileURLToPath(variant.url)])).stdout);
      firsts.push(r.firstMs);
      imports.push(r.importMs);
    }
    fresh.variants.push({ name: variant.name, rounds: firsts, median: median(firsts) });
  }
  return {
    id,
    title,
    unit: 'ms',
    fixture: 'openapi-typescript 7.13, Redocly lint included (it runs inside openapiTS)',
    groups: [group, fresh],
    notes: [
      `require('openapi-typescript') in a fresh process: median ${median(imports).toFixed(0)} ms (paid once per process).`,
    ],
    checks: variants
      .map((v) => check(`${v.name}, repeat call`, medianOf(group, v.name), '<=', 100, '≤ 100 ms'))
      .concat(
        variants.map((v) =>
          check(
            `${v.name}, first call in a fresh process`,
            medianOf(fresh, v.name),
            '<=',
            100,
            '≤ 100 ms',
            'informative',
          ),
        ),
      ),
  };
}
