import { type DelayMs, MAX_TIMER_MS, type MonotonicMs, monotonicNow } from '../clock';
import { fail, validateInteger } from '../validation';
import type { LimiterOptions, RateLimiter } from './types';
import { createQueue } from './wait';

export interface LeakyBucketOptions extends LimiterOptions {
  /** Requests that leak out per second (e.g. 2). */
  ratePerSecond: number;
  /** Requests allowed back to back from an empty bucket. Default 1. */
  burst?: number;
}

/**
 * A leaky bucket (GCRA): at most one request every 1000 / ratePerSecond ms, `burst` back to back. A FIFO waiter
 * takes its slot only once the one before has actually left: slots reserved up front all fall due together
 * after an event-loop stall, and would overflow the server's bucket.
 */
export function createLeakyBucketLimiter(options: LeakyBucketOptions): RateLimiter {
  const context = { provider: options.provider, label: options.label, operation: 'createClient' };
  const rate: unknown = options.ratePerSecond;
  // The floor keeps the spacing (1000 / rate ms) far below setTimeout's ceiling; NaN is out of any range.
  if (typeof rate !== 'number' || !(rate >= 0.001 && rate <= 1000))
    fail('rateLimit.ratePerSecond', 'must be a number from 0.001 to 1000', rate, context);
  const burst = validateInteger(options.burst ?? 1, 'rateLimit.burst', 1, undefined, context);
  const spacingMs = 1000 / rate;
  const toleranceMs = (burst - 1) * spacingMs;
  const now = options.now ?? monotonicNow;
  const queue = createQueue(context, options.sleep);
  let emptyAt: MonotonicMs = 0; // when the bucket would be empty again

  return {
    acquire(signal?: AbortSignal): Promise<number> {
      const queuedAt = now();
      // Our turn: wait for the slot; the time waited since queueing, or 0 when the slot was free at once.
      return queue.enter(signal, async () => {
        const current = now();
        const waitMs = Math.max(current, emptyAt - toleranceMs) - current;
        await queue.sleep(waitMs, signal);
        emptyAt = Math.max(emptyAt, now()) + spacingMs;
        return waitMs > 0 ? now() - queuedAt : 0;
      });
    },

    update(response: Response, retryAfterMs?: DelayMs): void {
      if (response.status !== 429) return;
      // Overflowed anyway (a shared quota?): nothing leaves before Retry-After, and the bucket restarts full.
      const waitMs = Math.min(retryAfterMs ?? spacingMs, MAX_TIMER_MS);
      emptyAt = Math.max(emptyAt, now() + waitMs + toleranceMs);
    },
  };
}
