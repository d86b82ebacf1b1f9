import {
  collectWarnings,
  retryAfterForms,
  retryAfterOnce,
  startHighLevelSandbox,
  TIMER_SLACK_MS,
} from '@commerce-collections/contract';
import { afterEach, describe, expect, it } from 'vitest';
import { createHighLevelClient, RateLimitError } from '../../src/index';

// Real clocks only (no injected now/sleep) and a real loopback sandbox: the client's rate limiter and its retry
// loop must agree on what a Retry-After means. The limiter once read an HTTP date against performance.now()
// and slept ~57 years in 1 ms steps (TimeoutOverflowWarning, 100 % CPU, never finished).
describe('HighLevel client: Retry-After on a 429, real clocks', () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
  });

  async function setup(form: (typeof retryAfterForms)[number], retry?: { maxRetryAfterMs: number }) {
    const fault = retryAfterOnce(form);
    const sandbox = await startHighLevelSandbox({ collections: 12, rateLimit: false, faults: fault.faults });
    const warnings = collectWarnings();
    cleanups.push(() => sandbox.close(), warnings.stop);
    const client = createHighLevelClient({
      token: sandbox.token,
      locationId: sandbox.locationId,
      baseUrl: sandbox.url,
      ...(retry && { retry }),
    });
    return { fault, sandbox, warnings, client };
  }

  for (const form of retryAfterForms) {
    it(`${form.name}: ${form.outcome === 'retried' ? 'waits at least that long, then completes' : 'fails at once with RateLimitError'}`, async () => {
      const { fault, sandbox, warnings, client } = await setup(form);
      const started = performance.now();
      // Bounded: a hang fails the test. Without a usable Retry-After the limiter holds one window (10 s).
      const call = client.listCollections({ limit: 100 }, { signal: AbortSignal.timeout(20_000) });
      if (form.outcome === 'retried') {
        const page = await call;
        expect(page.data).toHaveLength(12);
        expect(page.total).toBe(12);
        expect(sandbox.requestLog.map((entry) => entry.status)).toEqual([429, 200]);
        const gap = (fault.seenAt[1] as number) - (fault.seenAt[0] as number);
        expect(gap).toBeGreaterThanOrEqual((fault.sent?.delayMs as number) - TIMER_SLACK_MS);
      } else {
        const error = await call.then(
          () => undefined,
          (failure: unknown) => failure,
        );
        expect(error).toBeInstanceOf(RateLimitError);
        expect((error as RateLimitError).retryAfterMs).toBeGreaterThan(60_000);
        expect(sandbox.requestLog).toHaveLength(1);
      }
      const elapsed = performance.now() - started;
      expect(elapsed).toBeLessThan(form.name === 'unparseable' ? 20_000 : 10_000);
      if (form.name.includes('1.5 s')) console.info(`HighLevel client, HTTP date: ${Math.round(elapsed)} ms`);
      expect(warnings.names).toEqual([]);
    }, 30_000);
  }

  it('a Retry-After past the cap holds the next call for the cap at most, not for the header', async () => {
    const form = retryAfterForms.find((candidate) => candidate.name.includes('9999'));
    const { fault, sandbox, warnings, client } = await setup(form as (typeof retryAfterForms)[number], {
      maxRetryAfterMs: 1000,
    });
    const signal = AbortSignal.timeout(10_000);
    await expect(client.listCollections({ limit: 100 }, { signal })).rejects.toBeInstanceOf(RateLimitError);
    const page = await client.listCollections({ limit: 100 }, { signal });
    expect(page.data).toHaveLength(12);
    expect(sandbox.requestLog.map((entry) => entry.status)).toEqual([429, 200]);
    const gap = (fault.seenAt[1] as number) - (fault.seenAt[0] as number);
    expect(gap).toBeGreaterThanOrEqual(1000 - TIMER_SLACK_MS);
    expect(gap).toBeLessThan(10_000);
    expect(warnings.names).toEqual([]);
  });
});
