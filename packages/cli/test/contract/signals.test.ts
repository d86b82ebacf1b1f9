import { startValidatedSandbox, type ValidatedSandbox } from '@commerce-collections/contract';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { finished, startCli, waitForLines } from './run-cli';

// A slow server (latency per response) so the listing is still running when the test interrupts it.
let highlevel: ValidatedSandbox<'highlevel'>;

beforeAll(async () => {
  highlevel = await startValidatedSandbox('highlevel', {
    collections: 240,
    latencyMs: 250,
    token: 'hl-token-slow-4d2c',
  });
});
afterAll(async () => {
  await highlevel?.close();
});
beforeEach(() => {
  highlevel.sandbox.reset();
});

const args = ['list', '--provider', 'highlevel', '--page-size', '10'];

function env(): Record<string, string> {
  return { HIGHLEVEL_TOKEN: highlevel.sandbox.token, HIGHLEVEL_LOCATION_ID: highlevel.sandbox.locationId };
}

describe('stopping early', () => {
  it.each([
    ['SIGINT', 130, 'Ctrl-C'],
    ['SIGTERM', 143, 'a process manager'],
  ] as const)(
    '%s mid-listing (%s, sent by %s): stops requesting, keeps what was printed (a closed JSON array)',
    async (signal, code, _sender) => {
      const child = startCli([...args, '--format', 'json', '--highlevel-base-url', highlevel.url], env());
      const done = finished(child);
      await waitForLines(child, 11); // `[` plus the first page
      child.kill(signal);
      const result = await done;
      expect(result.code).toBe(code);
      const rows = JSON.parse(result.stdout) as unknown[];
      expect(rows.length).toBeGreaterThanOrEqual(10);
      expect(rows.length).toBeLessThan(240);
      // The pacing part appears when a request waited on the client's rate limiter, which depends on timing (it
      // happens on a loaded machine, with main's code too), so it is optional here.
      expect(result.stderr).toMatch(
        /^Interrupted after \d+ HighLevel collections, \d+ pages, \d+\.\d s(, \d+\.\d s of it waiting on rate limits)?\n$/,
      );
      // 24 pages exist; the CLI is gone, so nothing more can be requested.
      expect(highlevel.sandbox.requestLog.length).toBeLessThan(24);
    },
  );

  it('a reader that goes away (| head): exits 0 quietly and stops requesting', async () => {
    const child = startCli([...args, '--format', 'ndjson', '--highlevel-base-url', highlevel.url], env());
    const done = finished(child);
    await waitForLines(child, 10);
    child.stdout.destroy();
    const result = await done;
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(highlevel.sandbox.requestLog.length).toBeLessThan(24);
  });
});
