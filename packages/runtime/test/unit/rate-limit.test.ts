import { describe, expect, it } from 'vitest';
import { AbortedError, createLeakyBucketLimiter, createSlidingWindowLimiter } from '../../src/index';

/** A manual clock and a sleep that records the wait and returns at once. */
function virtualTime() {
  const clock = { now: 0 };
  const sleeps: number[] = [];
  return {
    clock,
    sleeps,
    now: () => clock.now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
    },
  };
}

function headers(status: number, values: Record<string, string>): Response {
  return new Response(null, { status, headers: values });
}

describe('createSlidingWindowLimiter', () => {
  it('admits exactly `limit` per interval, then spaces the rest by the window', async () => {
    const time = virtualTime();
    const limiter = createSlidingWindowLimiter({
      limit: 3,
      intervalMs: 1000,
      now: time.now,
      sleep: time.sleep,
    });
    const waits = await Promise.all(Array.from({ length: 8 }, () => limiter.acquire()));
    expect(waits).toEqual([0, 0, 0, 1000, 1000, 1000, 2000, 2000]);
    // Every window of 1000 ms holds at most 3 grants.
    const grants = waits.map((wait) => wait);
    for (const start of grants)
      expect(grants.filter((g) => g >= start && g < start + 1000).length).toBeLessThanOrEqual(3);
  });

  it('HighLevel: 100 per 10 s', async () => {
    const time = virtualTime();
    const limiter = createSlidingWindowLimiter({
      limit: 100,
      intervalMs: 10_000,
      now: time.now,
      sleep: time.sleep,
    });
    const waits = await Promise.all(Array.from({ length: 101 }, () => limiter.acquire()));
    expect(waits.filter((w) => w === 0)).toHaveLength(100);
    expect(waits[100]).toBe(10_000);
  });

  it('slides: capacity comes back as old grants leave the window', async () => {
    const time = virtualTime();
    const limiter = createSlidingWindowLimiter({
      limit: 2,
      intervalMs: 1000,
      now: time.now,
      sleep: time.sleep,
    });
    expect(await limiter.acquire()).toBe(0); // t=0
    time.clock.now = 600;
    expect(await limiter.acquire()).toBe(0); // t=600
    time.clock.now = 700;
    expect(await limiter.acquire()).toBe(300); // waits for the t=0 grant to leave at 1000
    time.clock.now = 1000;
    expect(await limiter.acquire()).toBe(600); // the t=600 grant leaves at 1600
  });

  it('serves waiters in call order (FIFO)', async () => {
    const time = virtualTime();
    const limiter = createSlidingWindowLimiter({
      limit: 1,
      intervalMs: 100,
      now: time.now,
      sleep: time.sleep,
    });
    const order: number[] = [];
    await Promise.all([0, 1, 2, 3].map(() => limiter.acquire().then((wait) => order.push(wait))));
    expect(order).toEqual([0, 100, 200, 300]);
  });

  it('trusts the server when it says fewer remain', async () => {
    const time = virtualTime();
    const limiter = createSlidingWindowLimiter({
      limit: 100,
      intervalMs: 10_000,
      now: time.now,
      sleep: time.sleep,
    });
    await limiter.acquire();
    time.clock.now = 2000;
    limiter.update?.(headers(200, { 'x-ratelimit-remaining': '1' }));
    expect(await limiter.acquire()).toBe(0);
    expect(await limiter.acquire()).toBe(8000); // the t=0 grant leaves at 10000
  });

  it('ignores a server count higher than ours (requests still in flight)', async () => {
    const time = virtualTime();
    const limiter = createSlidingWindowLimiter({
      limit: 2,
      intervalMs: 1000,
      now: time.now,
      sleep: time.sleep,
    });
    await limiter.acquire();
    await limiter.acquire();
    limiter.update?.(headers(200, { 'x-ratelimit-remaining': '99' }));
    expect(await limiter.acquire()).toBe(1000);
  });

  it('learns the limit and interval from X-RateLimit-Max and X-RateLimit-Interval-Milliseconds', async () => {
    const time = virtualTime();
    const limiter = createSlidingWindowLimiter({
      limit: 100,
      intervalMs: 10_000,
      now: time.now,
      sleep: time.sleep,
    });
    limiter.update?.(headers(200, { 'x-ratelimit-max': '2', 'x-ratelimit-interval-milliseconds': '500' }));
    expect(await Promise.all([limiter.acquire(), limiter.acquire(), limiter.acquire()])).toEqual([0, 0, 500]);
  });

  it('backs off after a 429: for Retry-After, else a whole interval', async () => {
    const time = virtualTime();
    const limiter = createSlidingWindowLimiter({
      limit: 100,
      intervalMs: 10_000,
      now: time.now,
      sleep: time.sleep,
    });
    limiter.update?.(headers(429, { 'retry-after': '3' }));
    expect(await limiter.acquire()).toBe(3000);
    const other = createSlidingWindowLimiter({
      limit: 100,
      intervalMs: 10_000,
      now: time.now,
      sleep: time.sleep,
    });
    other.update?.(headers(429, {}));
    expect(await other.acquire()).toBe(10_000);
  });

  it('rejects with AbortedError when aborted while waiting (real sleep)', async () => {
    const limiter = createSlidingWindowLimiter({ limit: 1, intervalMs: 60_000 });
    await limiter.acquire();
    const controller = new AbortController();
    const pending = limiter.acquire(controller.signal);
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(AbortedError);
    await expect(limiter.acquire(AbortSignal.abort())).rejects.toBeInstanceOf(AbortedError);
  });
});

describe('createLeakyBucketLimiter', () => {
  it('spaces requests 1/rate apart (Shoplazza: 2/s)', async () => {
    const time = virtualTime();
    const limiter = createLeakyBucketLimiter({ ratePerSecond: 2, now: time.now, sleep: time.sleep });
    const waits = await Promise.all(Array.from({ length: 5 }, () => limiter.acquire()));
    expect(waits).toEqual([0, 500, 1000, 1500, 2000]);
  });

  it('drains while idle', async () => {
    const time = virtualTime();
    const limiter = createLeakyBucketLimiter({ ratePerSecond: 2, now: time.now, sleep: time.sleep });
    await limiter.acquire();
    await limiter.acquire();
    time.clock.now = 5000;
    expect(await limiter.acquire()).toBe(0);
    time.clock.now = 5100;
    expect(await limiter.acquire()).toBe(400);
  });

  it('allows `burst` back to back', async () => {
    const time = virtualTime();
    const limiter = createLeakyBucketLimiter({
      ratePerSecond: 2,
      burst: 3,
      now: time.now,
      sleep: time.sleep,
    });
    const waits = await Promise.all(Array.from({ length: 5 }, () => limiter.acquire()));
    expect(waits).toEqual([0, 0, 0, 500, 1000]);
  });

  it('backs off after a 429', async () => {
    const time = virtualTime();
    const limiter = createLeakyBucketLimiter({ ratePerSecond: 2, now: time.now, sleep: time.sleep });
    limiter.update?.(headers(429, { 'retry-after': '3' }));
    expect(await limiter.acquire()).toBe(3000);
    expect(await limiter.acquire()).toBe(3500);
    limiter.update?.(headers(200, {}));
    expect(await limiter.acquire()).toBe(4000);
  });

  it('rejects with AbortedError when aborted while waiting (real sleep)', async () => {
    const limiter = createLeakyBucketLimiter({ ratePerSecond: 0.01 });
    await limiter.acquire();
    const controller = new AbortController();
    const pending = limiter.acquire(controller.signal);
    setTimeout(() => controller.abort(), 1);
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortedError);
    expect(error).toMatchObject({ provider: 'shoplazza' });
  });
});
