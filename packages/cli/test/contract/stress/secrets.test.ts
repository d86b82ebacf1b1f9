import { startHighLevelSandbox, startShoplazzaSandbox } from '@commerce-collections/contract';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLI_FAULTS, collect, runInProcess, SECRET_TOKEN, spawnCli } from './harness';

/**
 * The token never reaches the CLI's output: stdout and stderr are scanned after a failing listing for every
 * fault kind (with --verbose, which prints stacks and error details), including a server that echoes the token
 * back in its error body. Fault on every request, so retries run out and the error path is taken.
 */
let kind = 'server-500';
const route = () => CLI_FAULTS[kind]?.({ errors: ['No context'], message: 'Internal Server Error' });

let highlevel: Awaited<ReturnType<typeof startHighLevelSandbox>>;
let shoplazza: Awaited<ReturnType<typeof startShoplazzaSandbox>>;
beforeAll(async () => {
  const common = {
    token: SECRET_TOKEN,
    collections: 12,
    rateLimit: false as const,
    faults: () => route() as never,
  };
  highlevel = await startHighLevelSandbox(common);
  shoplazza = await startShoplazzaSandbox(common);
});
afterAll(async () => {
  await Promise.all([highlevel?.close(), shoplazza?.close()]);
});

function argsFor(provider: 'highlevel' | 'shoplazza'): string[] {
  const url = provider === 'highlevel' ? highlevel.url : shoplazza.url;
  return [
    'list',
    `--provider=${provider}`,
    '--page-size=5',
    '--format=ndjson',
    `--${provider}-base-url=${url}`,
    '--verbose',
  ];
}
const env = {
  HIGHLEVEL_TOKEN: SECRET_TOKEN,
  HIGHLEVEL_LOCATION_ID: 'loc_1',
  SHOPLAZZA_TOKEN: SECRET_TOKEN,
  SHOPLAZZA_SHOP: 'sandbox',
};

describe.each(['highlevel', 'shoplazza'] as const)(
  '%s: no token in CLI output, whatever fails',
  (provider) => {
    test.each(Object.keys(CLI_FAULTS))('%s', { timeout: 20_000 }, async (faultKind) => {
      kind = faultKind;
      const result = await runInProcess(argsFor(provider), env);
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr.length).toBeGreaterThan(0);
      expect(result.stdout).not.toContain(SECRET_TOKEN);
      expect(result.stderr).not.toContain(SECRET_TOKEN);
    });
  },
);

test('the real process, with a server echoing the token: exit 1, token nowhere', {
  timeout: 20_000,
}, async () => {
  kind = '401-echoing-the-token';
  const result = await collect(spawnCli(argsFor('highlevel'), env));
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/401/);
  expect(`${result.stdout}${result.stderr}`).not.toContain(SECRET_TOKEN);
});
