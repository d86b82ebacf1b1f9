import { startHighLevelSandbox, startShoplazzaSandbox } from '@commerce-collections/contract';
import { describe, expect, test } from 'vitest';
import { collect, runInProcess, SECRET_TOKEN, spawnCli, USAGE_HINT } from './harness';

/**
 * Missing, partial and wrong credentials: never a silent fallback to sample data when real data was meant, a
 * message that names what to set, and the token never printed.
 */
describe('credentials', () => {
  test('none at all: lists sample data from the local sandboxes and says so on stderr', {
    timeout: 30_000,
  }, async () => {
    const result = await collect(spawnCli(['list', '--max=3', '--format=ndjson']), 120_000);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/HIGHLEVEL_TOKEN/);
    expect(result.stderr).toMatch(/SHOPLAZZA_TOKEN/);
    expect(result.stderr).toMatch(/sample/i);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  });

  test.each([
    [{ HIGHLEVEL_TOKEN: SECRET_TOKEN }, ['--provider=highlevel'], /HIGHLEVEL_LOCATION_ID/],
    [{ SHOPLAZZA_TOKEN: SECRET_TOKEN }, ['--provider=shoplazza'], /SHOPLAZZA_SHOP/],
    [
      { HIGHLEVEL_TOKEN: SECRET_TOKEN, SHOPLAZZA_TOKEN: SECRET_TOKEN, SHOPLAZZA_SHOP: 'my-store' },
      [],
      /HIGHLEVEL_LOCATION_ID/,
    ],
    [
      { HIGHLEVEL_LOCATION_ID: 'loc_1' },
      ['--provider=highlevel', '--highlevel-base-url=http://127.0.0.1:9'],
      /HIGHLEVEL_TOKEN/,
    ],
    [
      { SHOPLAZZA_SHOP: 'my-store' },
      ['--provider=shoplazza', '--shoplazza-base-url=http://127.0.0.1:9'],
      /SHOPLAZZA_TOKEN/,
    ],
    [
      { HIGHLEVEL_TOKEN: '   ', HIGHLEVEL_LOCATION_ID: 'loc_1' },
      ['--provider=highlevel', '--highlevel-base-url=http://127.0.0.1:9'],
      /HIGHLEVEL_TOKEN/,
    ],
  ])('partial credentials %j %j: exit 2, naming what is missing', async (env, args, names) => {
    const result = await runInProcess(['list', ...args], env);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(names);
    expect(result.stderr).toContain(USAGE_HINT);
    expect(result.stdout).toBe('');
    expect(result.stderr).not.toContain(SECRET_TOKEN);
  });

  test.each(['highlevel', 'shoplazza'] as const)(
    '%s: a wrong token is an API failure (exit 1), and not echoed',
    { timeout: 20_000 },
    async (provider) => {
      const sandbox =
        provider === 'highlevel'
          ? await startHighLevelSandbox({ collections: 5, rateLimit: false })
          : await startShoplazzaSandbox({ collections: 5, rateLimit: false });
      try {
        const env: Record<string, string> =
          provider === 'highlevel'
            ? { HIGHLEVEL_TOKEN: SECRET_TOKEN, HIGHLEVEL_LOCATION_ID: 'loc_1' }
            : { SHOPLAZZA_TOKEN: SECRET_TOKEN, SHOPLAZZA_SHOP: 'sandbox' };
        const result = await collect(
          spawnCli(
            ['list', `--provider=${provider}`, `--${provider}-base-url=${sandbox.url}`, '--verbose'],
            env,
          ),
        );
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(/401|Unauthorized|authentic/i);
        expect(`${result.stdout}${result.stderr}`).not.toContain(SECRET_TOKEN);
        // One request: a fixed token is not retried after a 401.
        expect(sandbox.requestLog).toHaveLength(1);
      } finally {
        await sandbox.close();
      }
    },
  );
});
