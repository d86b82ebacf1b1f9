import { startValidatedSandbox, type ValidatedSandbox } from '@commerce-collections/contract';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './run-cli';

// The CLI pointed at sandboxes started here (through --*-base-url, with tokens in the environment), so each
// test can read exactly which requests reached the server.
let highlevel: ValidatedSandbox<'highlevel'>;
let shoplazza: ValidatedSandbox<'shoplazza'>;

beforeAll(async () => {
  [highlevel, shoplazza] = await Promise.all([
    startValidatedSandbox('highlevel', { collections: 240, token: 'hl-token-7f3a9c2e' }),
    startValidatedSandbox('shoplazza', { collections: 180, token: 'sl-token-b81d44f0' }),
  ]);
});
afterAll(async () => {
  await Promise.all([highlevel?.close(), shoplazza?.close()]);
});
beforeEach(() => {
  highlevel.sandbox.reset();
  shoplazza.sandbox.reset();
});

function apiArgs(): string[] {
  return ['--highlevel-base-url', highlevel.url, '--shoplazza-base-url', shoplazza.url];
}

function apiEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    HIGHLEVEL_TOKEN: highlevel.sandbox.token,
    HIGHLEVEL_LOCATION_ID: highlevel.sandbox.locationId,
    SHOPLAZZA_TOKEN: shoplazza.sandbox.token,
    SHOPLAZZA_SHOP: shoplazza.sandbox.shop,
    ...overrides,
  };
}

function ndjson(stdout: string): { provider: string; id: string }[] {
  return stdout
    .trimEnd()
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as { provider: string; id: string });
}

describe('list with credentials', () => {
  it('lists both providers from the configured servers, paging with --page-size, and prints no notice', async () => {
    const result = await runCli(['list', '--format', 'ndjson', '--page-size', '50', ...apiArgs()], apiEnv());
    expect(result.code).toBe(0);
    expect(ndjson(result.stdout)).toHaveLength(420);
    expect(highlevel.sandbox.requestLog.map((entry) => entry.status)).toEqual([200, 200, 200, 200, 200]);
    // 4 pages of 50 (180 collections), the facade's boundary probe (`limit=1`) after each page after the first,
    // and the (empty) page 5 that confirms the short page 4 was the last.
    expect(shoplazza.sandbox.requestLog.map((entry) => entry.status)).toEqual([
      200, 200, 200, 200, 200, 200, 200, 200,
    ]);
    expect(
      shoplazza.sandbox.requestLog.filter(
        (entry) => entry.url.includes('limit=1&') || entry.url.endsWith('limit=1'),
      ),
    ).toHaveLength(3);
    expect(highlevel.sandbox.requestLog[0]?.url).toContain('limit=50');
    expect(result.stderr).toMatch(
      /^240 HighLevel \+ 180 Shoplazza collections, 5 \+ 4 pages, \d+\.\d s.*\n$/,
    );
  });

  it('partial credentials: the real provider from its server, the other mocked and announced', async () => {
    const env = apiEnv();
    const result = await runCli(['list', '--format', 'ndjson', '--highlevel-base-url', highlevel.url], {
      HIGHLEVEL_TOKEN: env.HIGHLEVEL_TOKEN!,
      HIGHLEVEL_LOCATION_ID: env.HIGHLEVEL_LOCATION_ID!,
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      'HighLevel from the real API; Shoplazza MOCKED (SHOPLAZZA_TOKEN not set)',
    );
    expect(highlevel.sandbox.requestLog).toHaveLength(3);
    expect(shoplazza.sandbox.requestLog).toHaveLength(0);
    const rows = ndjson(result.stdout);
    expect(rows.filter((row) => row.provider === 'highlevel')).toHaveLength(240);
    expect(rows.filter((row) => row.provider === 'shoplazza')).toHaveLength(180);
  });

  it('--max stops the requests, not just the printing', async () => {
    const result = await runCli(
      ['list', '--format', 'ndjson', '--page-size', '10', '--max', '5', ...apiArgs()],
      apiEnv(),
    );
    expect(result.code).toBe(0);
    expect(ndjson(result.stdout)).toHaveLength(5);
    // 24 pages exist; the first page plus at most the SDK's read-ahead window (4) may have been requested.
    expect(highlevel.sandbox.requestLog.length).toBeGreaterThanOrEqual(1);
    expect(highlevel.sandbox.requestLog.length).toBeLessThanOrEqual(5);
    expect(shoplazza.sandbox.requestLog).toHaveLength(0);
    expect(result.stderr).toMatch(/^5 HighLevel \+ 0 Shoplazza collections, .* \(stopped at --max 5\)\n$/);
  });

  it('--max past the first provider continues into the second and stops there', async () => {
    const result = await runCli(['list', '--format', 'ndjson', '--max', '250', ...apiArgs()], apiEnv());
    expect(result.code).toBe(0);
    const rows = ndjson(result.stdout);
    expect(rows.filter((row) => row.provider === 'highlevel')).toHaveLength(240);
    expect(rows.filter((row) => row.provider === 'shoplazza')).toHaveLength(10);
    expect(shoplazza.sandbox.requestLog).toHaveLength(1);
    expect(result.stderr).toMatch(
      /^240 HighLevel \+ 10 Shoplazza collections, 3 \+ 1 pages, .*\(stopped at --max 250\)\n$/,
    );
  });

  it('every filter reaches the wire as the provider expects it', async () => {
    const productId = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
    const result = await runCli(
      [
        'list',
        '--provider',
        'shoplazza',
        '--search',
        'Kids & more',
        '--ids',
        'a1,b2',
        '--updated-after',
        '2023-06-01',
        '--updated-before',
        '2023-12-31T23:59:59+08:00',
        '--product-id',
        productId,
        ...apiArgs(),
      ],
      apiEnv(),
    );
    expect(result.code, result.stderr).toBe(0);
    expect(shoplazza.sandbox.requestLog).toHaveLength(1);
    const query = new URL(shoplazza.sandbox.requestLog[0]!.url, 'http://sandbox.invalid').searchParams;
    expect(query.get('title')).toBe('Kids & more');
    expect(query.get('ids')).toBe('a1,b2');
    expect(query.get('product_id')).toBe(productId);
    expect(Date.parse(query.get('updated_at_min') ?? '')).toBe(Date.parse('2023-06-01T00:00:00Z'));
    expect(Date.parse(query.get('updated_at_max') ?? '')).toBe(Date.parse('2023-12-31T15:59:59Z'));
    expect(highlevel.sandbox.requestLog).toHaveLength(0);
    // Nothing matches those ids: an empty listing is still a success, with a header and a summary.
    expect(result.stdout).toMatch(/^PROVIDER +ID +TITLE +HANDLE +UPDATED \(UTC\)\n$/);
    expect(result.stderr).toMatch(/^0 Shoplazza collections, 1 page, /);
  });

  it('--max with json still closes the array', async () => {
    const result = await runCli(['list', '--format', 'json', '--max', '3', ...apiArgs()], apiEnv());
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toHaveLength(3);
  });

  it.each([
    ['HighLevel', { HIGHLEVEL_TOKEN: 'wrong-hl-token-0d9e1f' }, /^commerce-collections: HighLevel .*401/],
    ['Shoplazza', { SHOPLAZZA_TOKEN: 'wrong-sl-token-5c6b7a' }, /^commerce-collections: Shoplazza .*401/],
  ])('a %s token the server refuses: exit 1, one line, the token nowhere', async (_name, bad, message) => {
    const token = Object.values(bad)[0]!;
    const args = ['list', '--provider', 'HIGHLEVEL_TOKEN' in bad ? 'highlevel' : 'shoplazza', ...apiArgs()];
    const result = await runCli(args, apiEnv(bad));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stdout + result.stderr).not.toContain(token);

    const verbose = await runCli([...args, '--verbose'], apiEnv(bad));
    expect(verbose.code).toBe(1);
    expect(verbose.stderr).toMatch(/ → 401 in \d+ ms/);
    expect(verbose.stderr.split('\n').length).toBeGreaterThan(3);
    expect(verbose.stdout + verbose.stderr).not.toContain(token);
  });

  it('a server that keeps failing: exit 1 with the status in the message', async () => {
    const result = await runCli(
      ['list', '--provider', 'highlevel', '--highlevel-base-url', 'http://127.0.0.1:9'],
      apiEnv(),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^commerce-collections: HighLevel .*connection/i);
    expect(result.stdout).toBe('');
  });
});
