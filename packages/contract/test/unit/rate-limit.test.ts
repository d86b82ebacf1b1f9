import { describe, expect, it } from 'vitest';
import { createLeakyBucketLimiter, createSlidingWindowLimiter } from '../../src/sandbox/rate-limit';

function clock() {
  let now = 0;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('sliding window', () => {
  it('refuses the request past the limit until the oldest leaves the window', () => {
    const time = clock();
    const limiter = createSlidingWindowLimiter(2, 1000, time.now);
    expect(limiter.take()).toEqual({ allowed: true, remaining: 1, retryAfterMs: 0 });
    time.advance(400);
    expect(limiter.take()).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0 });
    expect(limiter.take()).toEqual({ allowed: false, remaining: 0, retryAfterMs: 600 });
    time.advance(600);
    expect(limiter.take().allowed).toBe(true);
    expect(limiter.take().allowed).toBe(false);
  });
});

describe('leaky bucket', () => {
  it('allows a steady rate at capacity but refuses a burst beyond it', () => {
    const time = clock();
    const limiter = createLeakyBucketLimiter(2, 1000, time.now);
    expect([limiter.take().allowed, limiter.take().allowed, limiter.take().allowed]).toEqual([
      true,
      true,
      false,
    ]);
    time.advance(500);
    expect(limiter.take().allowed).toBe(true);
    expect(limiter.take().allowed).toBe(false);
    for (let second = 0; second < 5; second += 1) {
      time.advance(500);
      expect(limiter.take().allowed).toBe(true);
    }
    limiter.reset();
    expect([limiter.take().allowed, limiter.take().allowed]).toEqual([true, true]);
  });
});
