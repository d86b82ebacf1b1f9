import type { Provider } from '../provider';
import { parseRetryAfter } from '../retry';
import { validateInteger } from '../validation';
import type { RateLimiter } from './types';
import { type Sleep, waitForSlot } from './wait';

export interface SlidingWindowOptions {
  /** Requests allowed in any window of `intervalMs` (HighLevel: 100). */
  limit: number;
  /** Window length (HighLevel: 10_000). */
  intervalMs: number;
  now?: () => number;
  sleep?: Sleep;
  /** Named in the AbortedError thrown when a wait is aborted. Default 'highlevel'. */
  provider?: Provider;
}

/**
 * At most `limit` requests in any `intervalMs` window, shared by every caller of this limiter.
 *
 * Each acquire() reserves its slot synchronously, in call order, then sleeps exactly until it: callers are served
 * FIFO and wake one at a time (no thundering herd). An aborted waiter's slot stays reserved — conservative: it
 * can only make us slower, never provoke a 429.
 */
export function createSlidingWindowLimiter(options: SlidingWindowOptions): RateLimiter {
  const provider = options.provider ?? 'highlevel';
  const context = { provider, operation: 'createClient' };
  let limit = validateInteger(options.limit, 'rateLimit.limit', 1, undefined, context);
  let intervalMs = validateInteger(options.intervalMs, 'rateLimit.intervalMs', 1, undefined, context);
  const now = options.now ?? Date.now;
  /** Grant times (past and reserved future), ascending. */
  const grants: number[] = [];
  let blockedUntil = 0;

  const prune = (time: number): void => {
    let expired = 0;
    while (expired < grants.length && (grants[expired] as number) + intervalMs <= time) expired++;
    if (expired > 0) grants.splice(0, expired);
  };

  const insertSorted = (time: number): void => {
    let index = grants.length;
    while (index > 0 && (grants[index - 1] as number) > time) index--;
    grants.splice(index, 0, time);
  };

  return {
    acquire(signal?: AbortSignal): Promise<number> {
      const current = now();
      prune(current);
      // FIFO: never before the last reservation. Window: the (limit)-th most recent grant must have expired.
      let slot = Math.max(
        current,
        blockedUntil,
        grants.length > 0 ? (grants[grants.length - 1] as number) : 0,
      );
      if (grants.length >= limit) {
        slot = Math.max(slot, (grants[grants.length - limit] as number) + intervalMs);
      }
      grants.push(slot);
      return waitForSlot(slot - current, signal, options.sleep, provider);
    },

    update(response: Response): void {
      const headers = response.headers;
      const current = now();
      const max = Number.parseInt(headers.get('x-ratelimit-max') ?? '', 10);
      if (max > 0) limit = max;
      const interval = Number.parseInt(headers.get('x-ratelimit-interval-milliseconds') ?? '', 10);
      if (interval > 0) intervalMs = interval;
      if (response.status === 429) {
        const retryAfterMs = parseRetryAfter(headers.get('retry-after'), current);
        blockedUntil = Math.max(blockedUntil, current + (retryAfterMs ?? intervalMs));
        return;
      }
      const remaining = Number.parseInt(headers.get('x-ratelimit-remaining') ?? '', 10);
      if (!Number.isNaN(remaining) && remaining >= 0) {
        prune(current);
        let used = 0;
        for (const grant of grants) if (grant <= current) used++;
        // The server says fewer remain than we think: trust it, with phantom grants that expire a window from now.
        for (let phantom = limit - used - remaining; phantom > 0; phantom--) insertSorted(current);
      }
    },
  };
}
