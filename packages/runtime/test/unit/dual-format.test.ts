import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The ESM and CJS builds each hold their own copy of every class. This builds both formats from the current
// src with the package's real tsdown config — into a private temporary folder, so it never races `pnpm build`
// writing dist/, never tests a stale dist, and leaves nothing for the linter — then loads each copy the way
// Node would.
const packageRoot = fileURLToPath(new URL('../..', import.meta.url));
const outDir = mkdtempSync(join(tmpdir(), 'runtime-dual-format-'));

type Runtime = typeof import('../../src/internal');
let esm: Runtime;
let cjs: Runtime;

beforeAll(async () => {
  execFileSync('pnpm', ['exec', 'tsdown', '--out-dir', outDir, '--no-dts'], {
    cwd: packageRoot,
    stdio: 'pipe',
  });
  // Outside the package, Node needs to be told that index.js is ESM (index.cjs is CJS by its extension).
  writeFileSync(join(outDir, 'package.json'), '{"type":"module"}');
  cjs = createRequire(import.meta.url)(`${outDir}/internal.cjs`) as Runtime;
  esm = (await import(pathToFileURL(`${outDir}/internal.js`).href)) as Runtime;
}, 300_000); // "finishes at all": a tsdown build took over 60 s on a loaded machine (load average ~20)

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('instanceof across the ESM and CJS builds', () => {
  it('loads two distinct copies', () => {
    expect(cjs.ApiError).not.toBe(esm.ApiError);
  });

  it('a CJS-made error is instanceof the ESM classes, and the reverse', () => {
    const fromCjs = cjs.createApiError({ provider: 'highlevel', operation: 'listCollections', status: 429 });
    expect(fromCjs).toBeInstanceOf(esm.RateLimitError);
    expect(fromCjs).toBeInstanceOf(esm.ApiError);
    expect(fromCjs).toBeInstanceOf(esm.CommerceCollectionsError);
    expect(fromCjs).not.toBeInstanceOf(esm.ServerError);

    const fromEsm = new esm.TimeoutError({
      provider: 'shoplazza',
      operation: 'listCollections',
      timeoutMs: 5,
    });
    expect(fromEsm).toBeInstanceOf(cjs.TimeoutError);
    expect(fromEsm).toBeInstanceOf(cjs.CommerceCollectionsError);
    expect(fromEsm).not.toBeInstanceOf(cjs.ApiError);
    expect(fromEsm.name).toBe('TimeoutError');
  });

  it('covers every error class', () => {
    const names = Object.keys(esm).filter((name) => name.endsWith('Error') && name !== 'createApiError');
    expect(names.sort()).toEqual(
      [
        'AbortedError',
        'ApiError',
        'AuthenticationError',
        'BadRequestError',
        'CommerceCollectionsError',
        'ConnectionError',
        'InvalidResponseError',
        'NotFoundError',
        'PermissionDeniedError',
        'RateLimitError',
        'RedirectError',
        'ServerError',
        'TimeoutError',
        'UnprocessableEntityError',
        'ValidationError',
      ].sort(),
    );
    const details = {
      provider: 'highlevel' as const,
      operation: 'op',
      status: 500,
      timeoutMs: 1,
      reason: 'r',
      option: 'o',
      rule: 'r',
    };
    for (const name of names) {
      const EsmClass = (esm as unknown as Record<string, new (d: typeof details) => Error>)[name]!;
      const CjsClass = (cjs as unknown as Record<string, new (d: typeof details) => Error>)[name]!;
      expect(new CjsClass(details)).toBeInstanceOf(EsmClass);
      expect(new EsmClass(details)).toBeInstanceOf(CjsClass);
    }
  });
});

// B8: a cold import of a client or the facade loads one runtime module (tsdown.config.ts).
describe('the entries of each format', () => {
  it('internal holds the code and imports nothing, openapi-fetch included', () => {
    for (const file of ['internal.js', 'internal.cjs']) {
      const code = readFileSync(join(outDir, file), 'utf8');
      expect(code).not.toMatch(/^import |^export [^;]* from |require\(/m);
      expect(code).toContain('function createClient('); // openapi-fetch's, bundled
    }
  });

  it('the root and /errors re-export the classes of internal, in both formats', async () => {
    const load = (file: string) =>
      file.endsWith('.cjs')
        ? createRequire(import.meta.url)(join(outDir, file))
        : import(pathToFileURL(join(outDir, file)).href);
    for (const [entries, own] of [
      [['index.js', 'errors-entry.js'], esm],
      [['index.cjs', 'errors-entry.cjs'], cjs],
    ] as const) {
      for (const entry of entries) {
        const module = await load(entry);
        expect(module.ApiError).toBe(own.ApiError);
        expect(module.ValidationError).toBe(own.ValidationError);
        expect(module.createTransport).toBeUndefined();
      }
    }
  });
});
