import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const generators = [
  'openapi-typescript',
  'hey-api',
  'swagger-typescript-api',
  'openapi-zod-client',
  'oazapfts',
];
const tsc = join(packageDir, 'node_modules', '.bin', 'tsc');

/**
 * Type-checks every generator's output plus its fixture (test/fixtures/<generator>.ts: the sandboxes' null-field
 * pages and error bodies assigned to the generated types) in one tsc run, and attributes each error to the
 * generator whose files it is in. `strict` must pass; `exactOptionalPropertyTypes` is reported, not required.
 */
async function typeCheck(name: string, extra: Record<string, unknown>): Promise<Record<string, string[]>> {
  const config = join(packageDir, 'reports', `tsconfig.${name}.json`);
  mkdirSync(dirname(config), { recursive: true });
  writeFileSync(
    config,
    JSON.stringify({
      extends: '../../../tsconfig.base.json',
      compilerOptions: { types: [], lib: ['ES2022', 'DOM', 'DOM.Iterable'], ...extra },
      include: generators.flatMap((generator) => [
        `../generated/${generator}/**/*.ts`,
        `../test/fixtures/${generator}.ts`,
      ]),
    }),
  );
  const output = await promisify(execFile)(tsc, ['-p', config, '--pretty', 'false']).then(
    (result) => result.stdout,
    (error: { stdout?: string }) => error.stdout ?? String(error),
  );
  const errors: Record<string, string[]> = Object.fromEntries(generators.map((generator) => [generator, []]));
  for (const line of output.split('\n').filter((text) => /error TS\d+/.test(text))) {
    const file = relative(packageDir, join(packageDir, 'reports', line.slice(0, line.indexOf('('))));
    const owner = generators.find(
      (generator) => file.includes(`/${generator}/`) || file.endsWith(`/${generator}.ts`),
    );
    const key = owner ?? 'unattributed';
    errors[key] = [...(errors[key] ?? []), line];
  }
  return errors;
}

describe('generated code under strict TypeScript 5.9', () => {
  it('every output and its fixture compile under strict; exactOptionalPropertyTypes is recorded', async () => {
    const [strict, exact] = await Promise.all([
      typeCheck('strict', {}),
      typeCheck('exact', { exactOptionalPropertyTypes: true }),
    ]);
    const report = Object.fromEntries(
      generators.map((generator) => [
        generator,
        {
          strict: strict[generator]?.length ? `fail: ${strict[generator]![0]}` : 'ok',
          exactOptionalPropertyTypes: exact[generator]?.length
            ? `fails (${exact[generator]!.length} errors)`
            : 'ok',
        },
      ]),
    );
    writeFileSync(join(packageDir, 'reports', 'types.json'), `${JSON.stringify(report, null, 2)}\n`);
    expect(strict).toEqual(Object.fromEntries(generators.map((generator) => [generator, []])));
  });
});
