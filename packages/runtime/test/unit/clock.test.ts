import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createLeakyBucketLimiter,
  createSlidingWindowLimiter,
  createTransport,
  parseRetryAfter,
  RateLimitError,
  type RateLimiter,
  ValidationError,
} from '../../src/internal';
import { sleep } from '../../src/sleep';
import { json, recordingSleep, scriptedFetch } from './helpers';

const MAX_TIMER_MS = 2 ** 31 - 1;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('parseRetryAfter: a delay from now, on the real wall clock', () => {
  it('reads delta-seconds and decimal seconds as milliseconds', () => {
    expect(parseRetryAfter('0')).toBe(0);
    expect(parseRetryAfter(' 3 ')).toBe(3000);
    expect(parseRetryAfter('0.5')).toBe(500);
    expect(parseRetryAfter('100000000000000000000')).toBe(1e23); // past any cap: refused by the transport
  });

  it('reads the three HTTP date forms against Date.now(), never negative', () => {
    // HTTP dates have 1 s resolution: 5 s ahead is sent as 4–5 s ahead.
    const ahead = new Date(Date.now() + 5000);
    for (const text of [
      ahead.toUTCString(), // IMF-fixdate
      ahead.toUTCString().replace(/^(\w+), (\d\d) (\w+) \d\d(\d\d)/, '$1day, $2-$3-$4'), // RFC 850
    ]) {
      const delay = parseRetryAfter(text) as number;
      expect(delay, text).toBeGreaterThan(3000);
      expect(delay, text).toBeLessThanOrEqual(5000);
    }
    expect(parseRetryAfter(new Date(Date.now() - 60_000).toUTCString())).toBe(0);
    expect(parseRetryAfter('Fri, 31 Dec 9999 23:59:59 GMT')).toBeGreaterThan(2 ** 31);
  });

  it('reads asctime as GMT, not local time', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('1994-11-06T08:49:30Z'));
    try {
      expect(parseRetryAfter('Sun Nov  6 08:49:37 1994')).toBe(7000);
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses what is not a delay or an HTTP date (Date.parse would read "-1" as 2001)', () => {
    for (const text of ['-1', '2.', '1e20', 'soon', '', '5 seconds', '0x10', 'Infinity']) {
      expect(parseRetryAfter(text), text).toBeUndefined();
    }
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe('the transport hands limiters a delay, capped, never a header to read', () => {
  function recordingLimiter() {
    const updates: [number, number | undefined][] = [];
    const limiter: RateLimiter = {
      acquire: async () => 0,
      update: (response, retryAfterMs) => {
        updates.push([response.status, retryAfterMs]);
      },
    };
    return { limiter, updates };
  }

  it('passes the Retry-After of a 429 as milliseconds from now, and none for a 200', async () => {
    const { limiter, updates } = recordingLimiter();
    const { fetch } = scriptedFetch([json(429, {}, { 'retry-after': '2' }), json(200, {})]);
    const transport = createTransport({
      provider: 'highlevel',
      fetch,
      rateLimiter: limiter,
      ...recordingSleep(),
    });
    await transport.send(new Request('https://example.test/x'), { operation: 'op' });
    expect(updates).toEqual([
      [429, 2000],
      [200, undefined],
    ]);
  });

  it('caps the limiter back-off at maxRetryAfterMs when the call itself refuses to wait', async () => {
    const { limiter, updates } = recordingLimiter();
    const { fetch } = scriptedFetch([json(429, {}, { 'retry-after': 'Fri, 31 Dec 9999 23:59:59 GMT' })]);
    const { sleep: fakeSleep, delays } = recordingSleep();
    const transport = createTransport({
      provider: 'highlevel',
      fetch,
      rateLimiter: limiter,
      sleep: fakeSleep,
    });
    const error = await transport
      .send(new Request('https://example.test/x'), { operation: 'op', throwHttpErrors: true })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBeGreaterThan(2 ** 31);
    expect(updates).toEqual([[429, 60_000]]);
    expect(delays).toEqual([]);
  });
});

describe('no delay past setTimeout’s ceiling reaches setTimeout', () => {
  it('sleep() waits a longer delay in steps, each within the ceiling', async () => {
    const spy = vi.spyOn(globalThis, 'setTimeout');
    const controller = new AbortController();
    const pending = sleep(MAX_TIMER_MS * 3, controller.signal);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0]?.[1]).toBe(MAX_TIMER_MS);
    controller.abort(new Error('stop'));
    await expect(pending).rejects.toThrow('stop');
  });

  it('a server interval of 1e20 ms widens the window to a minute at most', async () => {
    let now = 0;
    const { sleep: fakeSleep, delays } = recordingSleep();
    const limiter = createSlidingWindowLimiter({
      provider: 'test',
      limit: 1,
      intervalMs: 1000,
      now: () => now,
      sleep: async (ms, signal) => {
        await fakeSleep(ms, signal);
        now += ms;
      },
    });
    await limiter.acquire();
    limiter.update?.(
      new Response(null, { headers: { 'x-ratelimit-interval-milliseconds': '100000000000000000000' } }),
    );
    await limiter.acquire();
    expect(delays).toEqual([60_001]);
  });

  it('limiters clamp a back-off given to them directly', async () => {
    const { sleep: fakeSleep, delays } = recordingSleep();
    const limiter = createLeakyBucketLimiter({
      provider: 'test',
      ratePerSecond: 1000,
      now: () => 0,
      sleep: fakeSleep,
    });
    limiter.update?.(new Response(null, { status: 429 }), 1e23);
    await limiter.acquire();
    expect(delays).toEqual([MAX_TIMER_MS]);
  });

  it('refuses limiter options whose waits could not be timed, naming the option', () => {
    expect(() => createSlidingWindowLimiter({ provider: 'test', limit: 1, intervalMs: 2 ** 31 })).toThrow(
      expect.objectContaining({ name: 'ValidationError', option: 'rateLimit.intervalMs' }),
    );
    expect(() => createLeakyBucketLimiter({ provider: 'test', ratePerSecond: 1e-9 })).toThrow(
      ValidationError,
    );
    expect(() => createLeakyBucketLimiter({ provider: 'test', ratePerSecond: 1e-9 })).toThrow(
      expect.objectContaining({ option: 'rateLimit.ratePerSecond' }),
    );
  });
});
