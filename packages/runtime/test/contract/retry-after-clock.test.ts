import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  collectWarnings,
  retryAfterForms,
  retryAfterOnce,
  TIMER_SLACK_MS,
} from '@commerce-collections/contract';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createLeakyBucketLimiter,
  createSlidingWindowLimiter,
  createTransport,
  RateLimitError,
  type RateLimiter,
} from '../../src/internal';

// The transport with each real limiter, real clocks (no injected now or sleep) and a real loopback server that
// answers 429 + Retry-After, then 200. The sliding window once compared an HTTP date with performance.now():
// it blocked for ~57 years, which setTimeout turned into a 1 ms busy loop (TimeoutOverflowWarning).
const limiters: Record<string, () => RateLimiter> = {
  'sliding window': () => createSlidingWindowLimiter({ provider: 'test', limit: 100, intervalMs: 1000 }),
  'leaky bucket': () => createLeakyBucketLimiter({ provider: 'test', ratePerSecond: 2 }),
};

describe('transport + limiter: Retry-After on a 429, real clocks', () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
  });

  async function serve(form: (typeof retryAfterForms)[number]) {
    const fault = retryAfterOnce(form);
    let index = 0;
    const server: Server = createServer((_request, response) => {
      const answer = fault.faults({ requestIndex: index++ });
      response.writeHead(answer?.status ?? 200, { 'content-type': 'application/json', ...answer?.headers });
      response.end('{"ok":true}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    });
    return { fault, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/collections` };
  }

  for (const [limiterName, limiter] of Object.entries(limiters)) {
    for (const form of retryAfterForms) {
      it(`${limiterName}, ${form.name}: ${form.outcome}`, async () => {
        const { fault, url } = await serve(form);
        const warnings = collectWarnings();
        cleanups.push(warnings.stop);
        const transport = createTransport({ provider: 'highlevel', rateLimiter: limiter() });
        const send = () =>
          transport.send(new Request(url), {
            operation: 'listCollections',
            throwHttpErrors: true,
            signal: AbortSignal.timeout(10_000), // a hang fails the test
          });
        const started = performance.now();
        if (form.outcome === 'retried') {
          const { response } = await send();
          expect(await response.json()).toEqual({ ok: true });
          expect(fault.seenAt).toHaveLength(2);
          const gap = (fault.seenAt[1] as number) - (fault.seenAt[0] as number);
          expect(gap).toBeGreaterThanOrEqual((fault.sent?.delayMs as number) - TIMER_SLACK_MS);
        } else {
          const error = await send().catch((failure: unknown) => failure);
          expect(error).toBeInstanceOf(RateLimitError);
          expect((error as RateLimitError).retryAfterMs).toBeGreaterThan(60_000);
          expect(fault.seenAt).toHaveLength(1);
        }
        expect(performance.now() - started).toBeLessThan(10_000);
        expect(warnings.names).toEqual([]);
      }, 20_000);
    }
  }
});
