import { startValidatedSandbox, type ValidatedSandbox } from '@commerce-collections/contract';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './run-cli';

// The Shoplazza API version through the CLI: --mock serves both, and against a sandbox started here the
// request log shows which version's path was called and how many requests the listing took.
let shoplazza: ValidatedSandbox<'shoplazza'>;

beforeAll(async () => {
  shoplazza = await startValidatedSandbox('shoplazza', { collections: 180, token: 'sl-token-5c2e91ab' });
});
afterAll(async () => {
  await shoplazza?.close();
});
beforeEach(() => shoplazza.sandbox.reset());

const ids = (stdout: string) =>
  stdout
    .trimEnd()
    .split('\n')
    .map((line) => (JSON.parse(line) as { id: string }).id);

function env(version?: string): Record<string, string> {
  return {
    SHOPLAZZA_TOKEN: shoplazza.sandbox.token,
    SHOPLAZZA_SHOP: shoplazza.sandbox.shop,
    ...(version === undefined ? {} : { SHOPLAZZA_API_VERSION: version }),
  };
}

const listArgs = () => [
  'list',
  '--provider',
  'shoplazza',
  '--format',
  'ndjson',
  '--shoplazza-base-url',
  shoplazza.url,
];

describe('--shoplazza-version / SHOPLAZZA_API_VERSION', () => {
  it('--mock serves 2025-06: every sample collection, the same set as 2022-01', async () => {
    const base = ['list', '--mock', '--provider', 'shoplazza', '--format', 'ndjson'];
    const [v2025, v2022] = await Promise.all([
      runCli([...base, '--shoplazza-version', '2025-06']),
      runCli(base),
    ]);
    expect([v2025.code, v2022.code]).toEqual([0, 0]);
    expect(ids(v2025.stdout)).toHaveLength(180);
    expect(new Set(ids(v2025.stdout))).toEqual(new Set(ids(v2022.stdout)));
    expect(v2025.stderr.trimEnd().split('\n').at(-1)).toMatch(/^180 Shoplazza collections, 2 pages, /);
  });

  it('SHOPLAZZA_API_VERSION=2025-06 calls the 2025-06 path, one request per page', async () => {
    const result = await runCli(listArgs(), env('2025-06'));
    expect(result.code).toBe(0);
    expect(ids(result.stdout)).toHaveLength(180);
    const paths = shoplazza.sandbox.requestLog.map((entry) => entry.url.split('?')[0]);
    expect(paths).toEqual(['/openapi/2025-06/collections', '/openapi/2025-06/collections']);
  });

  it('--shoplazza-version wins over the variable; the default is 2022-01 with its probes', async () => {
    const result = await runCli([...listArgs(), '--shoplazza-version', '2022-01'], env('2025-06'));
    expect(result.code).toBe(0);
    const log = shoplazza.sandbox.requestLog.map((entry) => entry.url);
    expect(log.every((url) => url.startsWith('/openapi/2022-01/collections?'))).toBe(true);
    // Pages 1 and 2 (short), the probe of page 1's end, and the empty page 3 that confirms the end.
    expect(log).toHaveLength(4);
  });

  it('a bad version is a usage error naming its source, before any request', async () => {
    const flag = await runCli([...listArgs(), '--shoplazza-version', '2025'], env());
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('--shoplazza-version must be 2022-01 or 2025-06 (got "2025")');
    const variable = await runCli(listArgs(), env('v2'));
    expect(variable.code).toBe(2);
    expect(variable.stderr).toContain('SHOPLAZZA_API_VERSION must be 2022-01 or 2025-06 (got "v2")');
    expect(shoplazza.sandbox.requestLog).toHaveLength(0);
  });
});
