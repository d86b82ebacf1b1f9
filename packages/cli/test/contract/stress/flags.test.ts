import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { collect, forEachSeededCase, runInProcess, SECRET_TOKEN, spawnCli, USAGE_HINT } from './harness';

/**
 * Hostile command lines. Every one must exit 2 with the --help hint and a message naming the flag (or the SDK
 * option it maps to), print nothing on stdout, never echo a token, and send zero requests: globalThis.fetch is
 * replaced by a recorder for the in-process runs, so a request that slipped through would be counted (and never
 * reach a network). Legal-but-hostile text must stay one parameter on the configured host.
 */
const BASE = 'http://127.0.0.1:9';
const env = {
  HIGHLEVEL_TOKEN: SECRET_TOKEN,
  HIGHLEVEL_LOCATION_ID: 'loc_1',
  SHOPLAZZA_TOKEN: SECRET_TOKEN,
  SHOPLAZZA_SHOP: 'my-store',
};

let requests: URL[] = [];
beforeEach(() => {
  requests = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request && init === undefined ? input : new Request(input, init);
    const url = new URL(request.url);
    requests.push(url);
    const body = url.pathname.includes('/openapi/') ? { collections: [] } : { data: [], total: 0 };
    return new Response(JSON.stringify(body), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

interface FlagCase {
  flag: string;
  values: readonly string[];
  /** Random hostile values built from a valid one. */
  mutate?: (random: { int(min: number, max: number): number; pick<T>(items: readonly T[]): T }) => string;
  /** The CLI flag or the SDK option the message must name. */
  names: RegExp;
  extra?: readonly string[];
  /** Leave this provider's debug base URL out (so a value that slipped through would aim at the real host). */
  omitBase?: 'highlevel' | 'shoplazza';
}

/** `valid` with one bad character inserted inside it (the CLI trims blanks around values and list items). */
const insertBad =
  (valid: string, bad: readonly string[]) =>
  (random: { int(min: number, max: number): number; pick<T>(items: readonly T[]): T }) => {
    const at = random.int(1, valid.length - 1);
    return `${valid.slice(0, at)}${random.pick(bad)}${valid.slice(at)}`;
  };

const badUrls = [
  'http://evil.invalid',
  'ftp://evil.invalid',
  'https://user:pass@evil.invalid',
  'javascript:alert(1)',
  'not a url',
  'https://evil.invalid?x=1',
  'https://evil.invalid#frag',
  'file:///etc/passwd',
  '//evil.invalid',
];

const flagCases: FlagCase[] = [
  {
    flag: '--page-size',
    values: ['0', '-1', '101', 'NaN', 'Infinity', '1e9', '1000000000', 'abc', '', '1.5', ' 10', '0x10', '١٠'],
    names: /--page-size|"pageSize"/,
  },
  { flag: '--max', values: ['0', '-1', 'NaN', 'Infinity', 'abc', '', '1.5', '1e3'], names: /--max/ },
  { flag: '--provider', values: ['HighLevel', 'both', '', 'evil', 'all,highlevel'], names: /--provider/ },
  { flag: '--format', values: ['xml', '', 'JSON', 'table,json'], names: /--format/ },
  {
    flag: '--ids',
    values: [',', ',,', ' , ', 'a b', 'a\nb', 'a\u0000b', 'ok,a b', 'a\r\nb'],
    mutate: insertBad('abc123', [' ', '\t', '\n', '\u0000', '\u3000', '\u00a0']),
    names: /--ids|"ids\[\d+\]"/,
  },
  {
    flag: '--search',
    values: ['', '   ', 'a\r\nb', 'x'.repeat(10_000), 'tab\there', 'nul\u0000', 'del\u007f'],
    mutate: insertBad('summer sale', ['\r', '\n', '\u0000', '\u001b', '\u007f', '\u0085']),
    names: /--search|"search"/,
  },
  {
    flag: '--updated-after',
    values: [
      'yesterday',
      '2024-13-01',
      '2024-02-30',
      '2024-01-01T25:00:00Z',
      '',
      '31/01/2024',
      '2024-01-01T00:00:00+99:00',
    ],
    extra: ['--provider=shoplazza'],
    names: /--updated-after|"updatedAfter"/,
  },
  {
    flag: '--updated-before',
    values: ['tomorrow', '2024-00-10', '20240101', '2024-01-01T00:00:60Z'],
    extra: ['--provider=shoplazza'],
    names: /--updated-before|"updatedBefore"/,
  },
  {
    flag: '--product-id',
    values: ['a,b', 'a b', ' ', 'x\n', ''],
    extra: ['--provider=shoplazza'],
    names: /--product-id|"productId"/,
  },
  {
    flag: '--shoplazza-shop',
    values: ['my.shop', 'a/b', 'x@evil.invalid', 'x#y', 'ünï', 'shop:8080', '..', 'evil.invalid/', '-shop'],
    mutate: insertBad('mystore', ['.', '/', '@', '#', '?', ':', '\\', ' ', '%', 'é']),
    extra: ['--provider=shoplazza'],
    omitBase: 'shoplazza',
    names: /--shoplazza-shop|"shop"/,
  },
  {
    flag: '--highlevel-location-id',
    values: ['', ' ', 'loc\r\n1', 'loc\u0000'],
    extra: ['--provider=highlevel'],
    names: /--highlevel-location-id|"locationId"/,
  },
  {
    flag: '--highlevel-base-url',
    values: badUrls,
    extra: ['--provider=highlevel'],
    omitBase: 'highlevel',
    names: /--highlevel-base-url|"baseUrl"/,
  },
  {
    flag: '--shoplazza-base-url',
    values: badUrls,
    extra: ['--provider=shoplazza'],
    omitBase: 'shoplazza',
    names: /--shoplazza-base-url|"baseUrl"/,
  },
];

function argvFor(item: FlagCase, value: string): string[] {
  const argv = ['list', ...(item.extra ?? [])];
  if (item.omitBase !== 'highlevel') argv.push(`--highlevel-base-url=${BASE}`);
  if (item.omitBase !== 'shoplazza') argv.push(`--shoplazza-base-url=${BASE}`);
  argv.push(`${item.flag}=${value}`);
  return argv;
}

async function expectUsageError(
  argv: readonly string[],
  names: RegExp,
  runEnv: Record<string, string> = env,
) {
  const result = await runInProcess(argv, runEnv);
  expect(result.code, result.stderr).toBe(2);
  expect(result.stderr).toContain(USAGE_HINT);
  expect(result.stderr).toMatch(names);
  expect(result.stdout).toBe('');
  expect(requests.map(String)).toEqual([]);
  expect(`${result.stdout}${result.stderr}`).not.toContain(SECRET_TOKEN);
  return result;
}

describe('hostile flag values: exit 2, a hint naming the flag, zero requests', () => {
  test.each(flagCases.map((item) => [item.flag, item] as const))(
    '%s: the named edge cases',
    async (_, item) => {
      for (const value of item.values) await expectUsageError(argvFor(item, value), item.names);
    },
  );

  test('random hostile values for every flag (seeded; FC_SEED reproduces)', async () => {
    await forEachSeededCase(
      150,
      (random) => {
        const item = random.pick(flagCases);
        const value = item.mutate && random.next() < 0.6 ? item.mutate(random) : random.pick(item.values);
        return { flag: item.flag, value };
      },
      async ({ flag, value }) => {
        const item = flagCases.find((candidate) => candidate.flag === flag) as FlagCase;
        await expectUsageError(argvFor(item, value), item.names);
      },
    );
  });

  test('unknown flags, commands and token flags: refused, the value never echoed', async () => {
    const cases: [string[], RegExp][] = [
      [['list', '--pagesize=10'], /--pagesize/],
      [['list', '--page_size=10'], /--page_size/],
      [['list', `--token=${SECRET_TOKEN}`], /--token/],
      [['list', `--highlevel-token=${SECRET_TOKEN}`], /--highlevel-token/],
      [['list', '-x'], /-x/],
      [['lsit'], /lsit/],
      [['list', 'extra'], /extra/],
      [['list', '--raw'], /--raw/],
      [['list', '--mock', `--highlevel-base-url=${BASE}`], /--mock/],
      [['list', '--updated-after=2024-05-01'], /--updated-after/],
      [
        ['list', '--provider=shoplazza', '--updated-after=2024-05-02', '--updated-before=2024-05-01'],
        /--updated-after/,
      ],
    ];
    for (const [argv, names] of cases) await expectUsageError(argv, names);
  });

  test('tokens with CR/LF, spaces or non-ASCII in the environment: exit 2, the token never echoed', async () => {
    const hostile = ['tok\r\nX-Injected: 1', 'tok en', 'tökén', 'tok\u0000x', '🔑🔑🔑🔑'];
    for (const token of hostile) {
      for (const [provider, variable] of [
        ['highlevel', 'HIGHLEVEL_TOKEN'],
        ['shoplazza', 'SHOPLAZZA_TOKEN'],
      ] as const) {
        const result = await expectUsageError(
          ['list', `--provider=${provider}`, `--${provider}-base-url=${BASE}`],
          /token/,
          { ...env, [variable]: token },
        );
        expect(result.stderr).not.toContain(token);
      }
    }
  });
});

describe('legal but hostile text: one parameter, only the configured host', () => {
  test('--search and --ids (seeded)', async () => {
    const texts = [
      'a&b#c%',
      '100%',
      '#1',
      'a=b&c=d',
      '?x=1',
      'a+b',
      'café ☕',
      '../../etc/passwd',
      '@evil.invalid',
      '//evil.invalid/x',
      '%2F%0d%0a',
    ];
    await forEachSeededCase(
      40,
      (random) => ({
        search: `${random.pick(texts)}${random.pick(['', ' ', '&', '#', '%', '/', 'é'])}${random.pick(texts)}`,
        ids: [
          random.pick(['a&b', 'x#y', '100%', 'é', '../x', 'a=b', '@h']),
          random.pick(['q?', 'id-1', '日本']),
        ],
      }),
      async ({ search, ids }) => {
        requests = [];
        const result = await runInProcess(
          [
            'list',
            `--highlevel-base-url=${BASE}`,
            `--shoplazza-base-url=${BASE}`,
            `--search=${search}`,
            `--ids=${ids.join(',')}`,
          ],
          env,
        );
        expect(result.code, result.stderr).toBe(0);
        expect(requests.length).toBe(2);
        for (const url of requests) {
          expect(url.origin).toBe(BASE);
          const [searchParam, idsParam] = url.pathname.includes('/openapi/')
            ? ['title', 'ids']
            : ['name', 'collectionIds'];
          expect(url.searchParams.getAll(searchParam)).toEqual([search]);
          expect(url.searchParams.getAll(idsParam)).toEqual([ids.join(',')]);
        }
      },
    );
  });
});

describe('the real process', () => {
  test('a bad flag exits 2 with the hint on stderr', { timeout: 20_000 }, async () => {
    const result = await collect(spawnCli(['list', '--page-size=0']));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(USAGE_HINT);
    expect(result.stderr).toContain('--page-size');
    expect(result.stdout).toBe('');
  });
});
