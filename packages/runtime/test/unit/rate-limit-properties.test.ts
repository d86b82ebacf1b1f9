import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLeakyBucketLimiter, createSlidingWindowLimiter, ValidationError } from '../../src/index';

/**
 * Callers arrive at random times (each acquire() is called at its arrival time on a manual clock); the slot a
 * caller gets is arrival + wait. Whatever the arrivals, the grants must respect the limit and the call order.
 */
async function grantsFor(
  makeLimiter: (now: () => number) => { acquire(): Promise<number> },
  gaps: number[],
): Promise<number[]> {
  let clock = 0;
  const limiter = makeLimiter(() => clock);
  const grants: number[] = [];
  for (const gap of gaps) {
    clock += gap;
    grants.push(clock + (await limiter.acquire()));
  }
  return grants;
}

const noSleep = async () => {};

describe('rate limiter properties', () => {
  it('sliding window: never more than `limit` grants in any window, granted in call order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 1, maxLength: 60 }),
        async (limit, intervalMs, gaps) => {
          const grants = await grantsFor(
            (now) => createSlidingWindowLimiter({ limit, intervalMs, now, sleep: noSleep }),
            gaps,
          );
          for (let i = 1; i < grants.length; i++)
            expect(grants[i]).toBeGreaterThanOrEqual(grants[i - 1] as number);
          for (const start of grants) {
            expect(grants.filter((g) => g >= start && g < start + intervalMs).length).toBeLessThanOrEqual(
              limit,
            );
          }
        },
      ),
    );
  });

  it('leaky bucket (burst 1): grants at least 1000/rate ms apart, in call order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 20 }),
        fc.array(fc.integer({ min: 0, max: 2000 }), { minLength: 1, maxLength: 60 }),
        async (ratePerSecond, gaps) => {
          const grants = await grantsFor(
            (now) => createLeakyBucketLimiter({ ratePerSecond, now, sleep: noSleep }),
            gaps,
          );
          for (let i = 1; i < grants.length; i++) {
            expect((grants[i] as number) - (grants[i - 1] as number)).toBeGreaterThanOrEqual(
              1000 / ratePerSecond - 1e-9,
            );
          }
        },
      ),
    );
  });
});

describe('limiter options', () => {
  it.each([
    () => createSlidingWindowLimiter({ limit: 0, intervalMs: 1000 }),
    () => createSlidingWindowLimiter({ limit: 10, intervalMs: Number.NaN }),
    () => createLeakyBucketLimiter({ ratePerSecond: 0 }),
    () => createLeakyBucketLimiter({ ratePerSecond: Number.POSITIVE_INFINITY }),
    () => createLeakyBucketLimiter({ ratePerSecond: 2, burst: 0 }),
  ])('rejects bad options (%#)', (create) => {
    expect(create).toThrow(ValidationError);
  });
});
