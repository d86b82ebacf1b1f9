import {
  retryAfterForms,
  retryAfterOnce,
  startHighLevelSandbox,
  startShoplazzaSandbox,
  TIMER_SLACK_MS,
} from '@commerce-collections/contract';
import { afterEach, describe, expect, it } from 'vitest';
import { finished, startCli } from './run-cli';

// The built bin against a real loopback sandbox whose first answer is 429 + Retry-After, with the real clocks of
// a separate process: every form, both providers. A hang is killed (and fails) after 25 s.
const COLLECTIONS = 12;
const KILL_AFTER_MS = 25_000;
/** Backoff jitter plus a busy machine's delays between the 429 and the retry. */
const RETRY_SLACK_MS = 5_000;

describe('CLI: Retry-After on a 429, real clocks', () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
  });

  async function serve(provider: 'highlevel' | 'shoplazza', form: (typeof retryAfterForms)[number]) {
    const fault = retryAfterOnce(form);
    const options = { collections: COLLECTIONS, rateLimit: false as const, faults: fault.faults };
    if (provider === 'highlevel') {
      const sandbox = await startHighLevelSandbox(options);
      cleanups.push(() => sandbox.close());
      const env = { HIGHLEVEL_TOKEN: sandbox.token, HIGHLEVEL_LOCATION_ID: sandbox.locationId };
      return { fault, log: () => sandbox.requestLog, args: ['--highlevel-base-url', sandbox.url], env };
    }
    const sandbox = await startShoplazzaSandbox(options);
    cleanups.push(() => sandbox.close());
    const env = { SHOPLAZZA_TOKEN: sandbox.token, SHOPLAZZA_SHOP: sandbox.shop };
    return { fault, log: () => sandbox.requestLog, args: ['--shoplazza-base-url', sandbox.url], env };
  }

  for (const provider of ['highlevel', 'shoplazza'] as const) {
    for (const form of retryAfterForms) {
      it(`${provider}, ${form.name}: ${form.outcome}`, async () => {
        const { fault, log, args, env } = await serve(provider, form);
        const started = performance.now();
        const child = startCli(['list', '--provider', provider, '--format', 'ndjson', ...args], env);
        const killer = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS);
        const result = await finished(child).finally(() => clearTimeout(killer));
        const elapsed = performance.now() - started;
        const statuses = log().map((entry) => entry.status);
        expect(result.stderr).not.toContain('TimeoutOverflowWarning');
        if (form.outcome === 'retried') {
          expect(result.code).toBe(0);
          const ids = result.stdout
            .trimEnd()
            .split('\n')
            .map((line) => (JSON.parse(line) as { id: string }).id);
          expect(ids).toHaveLength(COLLECTIONS);
          expect(new Set(ids).size).toBe(COLLECTIONS);
          expect(statuses[0]).toBe(429);
          expect(statuses.slice(1).every((status) => status === 200)).toBe(true);
          const gap = (fault.seenAt[1] as number) - (fault.seenAt[0] as number);
          expect(gap).toBeGreaterThanOrEqual((fault.sent?.delayMs as number) - TIMER_SLACK_MS);
          // And no longer than asked, as the server saw it (not the process's run time, which a busy machine
          // stretches): HighLevel's limiter holds one window (10 s) after a 429 without a usable Retry-After.
          const askedMs =
            provider === 'highlevel' && form.name === 'unparseable'
              ? 10_000
              : (fault.sent?.delayMs as number);
          expect(gap).toBeLessThan(askedMs + RETRY_SLACK_MS);
        } else {
          expect(result.code).toBe(1);
          expect(result.stdout).toBe('');
          expect(result.stderr).toMatch(/429|rate limit/i);
          expect(statuses).toEqual([429]);
        }
        if (form.name.includes('1.5 s'))
          console.info(`CLI ${provider}, HTTP date: ${Math.round(elapsed)} ms`);
      }, 30_000);
    }
  }
});
