import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The ESM and CJS builds each hold their own copy of every class (and import their own format of the runtime).
// This builds both formats from the current src with the package's real tsdown config into a private folder —
// under node_modules, so the built files resolve the workspace's runtime and clients, never race `pnpm build`
// writing dist/, and leave nothing for the linter — then loads each copy the way Node would.
const packageRoot = fileURLToPath(new URL('../..', import.meta.url));
const outDir = mkdtempSync(join(packageRoot, 'node_modules', '.dual-format-'));

type Sdk = typeof import('../../src/index');
let esm: Sdk;
let cjs: Sdk;

beforeAll(async () => {
  execFileSync(
    'pnpm',
    ['exec', 'tsdown', '--config', '../../tsdown.base.ts', '--out-dir', outDir, '--no-dts'],
    { cwd: packageRoot, stdio: 'pipe' },
  );
  writeFileSync(join(outDir, 'package.json'), '{"type":"module"}');
  cjs = createRequire(import.meta.url)(`${outDir}/index.cjs`) as Sdk;
  esm = (await import(pathToFileURL(`${outDir}/index.js`).href)) as Sdk;
}, 300_000); // "finishes at all": a tsdown build took over 60 s on a loaded machine (load average ~20)

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const cursor = { provider: 'shoplazza', page: 3, pageSize: 10 } as const;

describe('the sdk error classes: instanceof across the ESM and CJS builds', () => {
  it('loads two distinct copies', () => {
    expect(cjs.ConsistencyError).not.toBe(esm.ConsistencyError);
    expect(cjs.PageSizeError).not.toBe(esm.PageSizeError);
  });

  it('ConsistencyError', () => {
    const details = { provider: 'highlevel', expectedTotal: 1, actualTotal: 2, restarts: 2 } as const;
    for (const [made, other] of [
      [new cjs.ConsistencyError(details), esm],
      [new esm.ConsistencyError(details), cjs],
    ] as const) {
      expect(made).toBeInstanceOf(other.ConsistencyError);
      expect(made).toBeInstanceOf(other.CommerceCollectionsError);
      expect(made).not.toBeInstanceOf(other.PageSizeError);
      expect(made).not.toBeInstanceOf(other.ApiError);
      expect(made.name).toBe('ConsistencyError');
    }
  });

  it('PageSizeError', () => {
    const details = { operation: 'list', cursor, served: 4, requestId: undefined };
    for (const [made, other] of [
      [new cjs.PageSizeError(details), esm],
      [new esm.PageSizeError(details), cjs],
    ] as const) {
      expect(made).toBeInstanceOf(other.PageSizeError);
      expect(made).toBeInstanceOf(other.CommerceCollectionsError);
      expect(made).not.toBeInstanceOf(other.ConsistencyError);
      expect(made.name).toBe('PageSizeError');
    }
  });

  it('the runtime errors the sdk re-exports, too', () => {
    const error = new cjs.ValidationError({
      provider: 'shoplazza',
      operation: 'list',
      option: 'o',
      rule: 'r',
    });
    expect(error).toBeInstanceOf(esm.ValidationError);
    expect(error).not.toBeInstanceOf(esm.ConsistencyError);
  });
});
