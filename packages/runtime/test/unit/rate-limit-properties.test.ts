import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLeakyBucketLimiter, createSlidingWindowLimiter, ValidationError } from '../../src/internal';

/**
 * Callers arrive at random times (each acquire() is called at its arrival time on a manual clock); the slot a
 * caller gets is arrival + wait. Whatever the arrivals, the grants must respect the limit and the call order.
 */
async function grantsFor(
  makeLimiter: (now: () => number, advance: (ms: number) => Promise<void>) => { acquire(): Promise<number> },
  gaps: number[],
): Promise<number[]> {
  let clock = 0;
  // A sleep that moves the clock on, as a real one does (a limiter may read the time after waking).
  const limiter = makeLimiter(
    () => clock,
    async (ms) => {
      clock += ms;
    },
  );
  const grants: number[] = [];
  for (const gap of gaps) {
    clock += gap;
    const before = clock;
    grants.push(before + (await limiter.acquire()));
  }
  return grants;
}

/** A discrete-event clock: scheduled events and sleeps run in time order, each after microtasks settle. */
function simulation() {
  let current = 0;
  let sequence = 0;
  const queue: { at: number; sequence: number; run: () => void }[] = [];
  const at = (time: number, run: () => void): void => {
    queue.push({ at: time, sequence: sequence++, run });
  };
  return {
    now: () => current,
    at,
    sleep: (ms: number) => new Promise<void>((resolve) => at(current + ms, resolve)),
    async run(): Promise<void> {
      for (;;) {
        await new Promise((resolve) => setImmediate(resolve));
        if (queue.length === 0) return;
        queue.sort((a, b) => a.at - b.at || a.sequence - b.sequence);
        const next = queue.shift() as (typeof queue)[number];
        current = Math.max(current, next.at);
        next.run();
      }
    },
  };
}

describe('rate limiter properties', () => {
  it('sliding window: never more than `limit` in any window as the server may count them, FIFO, no deadlock', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 2000 }),
        fc.array(
          fc.record({
            gap: fc.integer({ min: 0, max: 1500 }),
            latency: fc.integer({ min: 0, max: 1500 }),
            fails: fc.boolean(),
          }),
          { minLength: 1, maxLength: 40 },
        ),
        async (limit, intervalMs, requests) => {
          const sim = simulation();
          const limiter = createSlidingWindowLimiter({
            provider: 'test',
            limit,
            intervalMs,
            now: sim.now,
            sleep: sim.sleep,
          });
          const granted: number[] = [];
          const answered: number[] = [];
          let start = 0;
          requests.forEach(({ gap, latency, fails }, index) => {
            start += gap;
            sim.at(start, () => {
              void limiter.acquire().then(() => {
                granted[index] = sim.now();
                sim.at(sim.now() + latency, () => {
                  answered[index] = sim.now();
                  if (fails) limiter.release?.();
                  else limiter.update?.(new Response(null, { status: 200 }));
                });
              });
            });
          });
          await sim.run();
          // No deadlock: every request was let go and answered.
          expect(granted.filter((t) => t !== undefined)).toHaveLength(requests.length);
          // FIFO: grants in call order.
          for (let i = 1; i < granted.length; i++)
            expect(granted[i]).toBeGreaterThanOrEqual(granted[i - 1] as number);
          // The server counts an arrival somewhere in [granted, answered]. Worst case at the moment request k is
          // let go: every request let go by then and not answered before the window started counts.
          for (const at of granted) {
            let worst = 0;
            for (let i = 0; i < granted.length; i++) {
              if ((granted[i] as number) <= at && (answered[i] as number) > at - intervalMs) worst++;
            }
            expect(worst).toBeLessThanOrEqual(limit);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('leaky bucket (burst 1): grants at least 1000/rate ms apart, in call order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 20 }),
        fc.array(fc.integer({ min: 0, max: 2000 }), { minLength: 1, maxLength: 60 }),
        async (ratePerSecond, gaps) => {
          const grants = await grantsFor(
            (now, advance) =>
              createLeakyBucketLimiter({ provider: 'test', ratePerSecond, now, sleep: advance }),
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
    () => createSlidingWindowLimiter({ provider: 'test', limit: 0, intervalMs: 1000 }),
    () => createSlidingWindowLimiter({ provider: 'test', limit: 10, intervalMs: Number.NaN }),
    () => createLeakyBucketLimiter({ provider: 'test', ratePerSecond: 0 }),
    () => createLeakyBucketLimiter({ provider: 'test', ratePerSecond: Number.POSITIVE_INFINITY }),
    () => createLeakyBucketLimiter({ provider: 'test', ratePerSecond: 2, burst: 0 }),
  ])('rejects bad options (%#)', (create) => {
    expect(create).toThrow(ValidationError);
  });
});
