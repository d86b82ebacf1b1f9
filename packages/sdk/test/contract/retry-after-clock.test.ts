import {
  collectWarnings,
  retryAfterForms,
  retryAfterOnce,
  startHighLevelSandbox,
  startShoplazzaSandbox,
  TIMER_SLACK_MS,
} from '@commerce-collections/contract';
import { afterEach, describe, expect, it } from 'vitest';
import { type CollectionsClient, createCollectionsClient, RateLimitError } from '../../src/index';

// The reported bug, end to end: HighLevel answered 429 with `Retry-After: <an HTTP date 1.5 s ahead>`, and
// list({ provider: 'highlevel' }) never finished (the limiter compared the date with performance.now()).
// Real clocks, real loopback sandboxes, every Retry-After form, both providers, list and listPage.
const COLLECTIONS = 12;
type Provider = 'highlevel' | 'shoplazza';

describe('facade: Retry-After on a 429, real clocks', () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
  });

  async function setup(provider: Provider, form: (typeof retryAfterForms)[number]) {
    const fault = retryAfterOnce(form);
    const options = { collections: COLLECTIONS, rateLimit: false as const, faults: fault.faults };
    const warnings = collectWarnings();
    let client: CollectionsClient;
    let log: () => readonly { status: number | undefined; url: string }[];
    if (provider === 'highlevel') {
      const sandbox = await startHighLevelSandbox(options);
      cleanups.push(() => sandbox.close(), warnings.stop);
      client = createCollectionsClient({
        highlevel: { token: sandbox.token, locationId: sandbox.locationId, baseUrl: sandbox.url },
      });
      log = () => sandbox.requestLog;
    } else {
      const sandbox = await startShoplazzaSandbox(options);
      cleanups.push(() => sandbox.close(), warnings.stop);
      client = createCollectionsClient({
        shoplazza: { token: sandbox.token, shop: sandbox.shop, baseUrl: sandbox.url },
      });
      log = () => sandbox.requestLog;
    }
    return { fault, warnings, client, log };
  }

  const calls = {
    list: async (client: CollectionsClient, provider: Provider, signal: AbortSignal) => {
      const ids: string[] = [];
      for await (const item of client.list({ provider }, { signal })) ids.push(item.id);
      return ids;
    },
    listPage: async (client: CollectionsClient, provider: Provider, signal: AbortSignal) =>
      (await client.listPage({ provider }, { signal })).items.map((item) => item.id),
  };

  for (const provider of ['highlevel', 'shoplazza'] as const) {
    for (const [callName, call] of Object.entries(calls)) {
      for (const form of retryAfterForms) {
        it(`${provider} ${callName}, ${form.name}: ${form.outcome}`, async () => {
          const { fault, warnings, client, log } = await setup(provider, form);
          const started = performance.now();
          // Bounded: a hang fails the test. HighLevel's limiter holds one window (10 s) after a 429 without a
          // usable Retry-After.
          const outcome = await call(client, provider, AbortSignal.timeout(20_000)).then(
            (ids) => ({ ids }),
            (error: unknown) => ({ error }),
          );
          const elapsed = performance.now() - started;
          const statuses = log().map((entry) => entry.status);
          if (form.outcome === 'retried') {
            expect(outcome).toHaveProperty('ids');
            const ids = (outcome as { ids: string[] }).ids;
            expect(ids).toHaveLength(COLLECTIONS);
            expect(new Set(ids).size).toBe(COLLECTIONS);
            expect(statuses[0]).toBe(429);
            expect(statuses.slice(1).every((status) => status === 200)).toBe(true);
            expect(log()[1]?.url).toBe(log()[0]?.url); // the retry is the same request
            const gap = (fault.seenAt[1] as number) - (fault.seenAt[0] as number);
            expect(gap).toBeGreaterThanOrEqual((fault.sent?.delayMs as number) - TIMER_SLACK_MS);
          } else {
            expect((outcome as { error?: unknown }).error).toBeInstanceOf(RateLimitError);
            expect((outcome as { error: RateLimitError }).error.retryAfterMs).toBeGreaterThan(60_000);
            expect(statuses).toEqual([429]);
          }
          const bound = provider === 'highlevel' && form.name === 'unparseable' ? 20_000 : 10_000;
          expect(elapsed).toBeLessThan(bound);
          if (form.name.includes('1.5 s')) {
            console.info(`facade ${provider} ${callName}, HTTP date: ${Math.round(elapsed)} ms`);
          }
          expect(warnings.names).toEqual([]);
        }, 30_000);
      }
    }
  }
});
