import { type DelayMs, MAX_TIMER_MS, type MonotonicMs, monotonicNow } from '../clock';
import { validateInteger } from '../validation';
import type { LimiterOptions, RateLimiter } from './types';
import { createQueue, deferred, throwIfAborted, waitFor } from './wait';

export interface SlidingWindowOptions extends LimiterOptions {
  /** Requests allowed in any window of `intervalMs`. */
  limit: number;
  intervalMs: number;
}

const MARGIN_MS = 1; // slack on every window, for clock granularity between us and the server
const MAX_SERVER_INTERVAL_MS = 60_000; // the longest window a server's header may impose: a lie must not stall us

/**
 * At most `limit` requests in any `intervalMs` window as the server counts them (on arrival): a request holds a
 * slot until its answer, whose time starts its window (counting from the send provokes a 429 at each boundary).
 * FIFO waiters re-check the live state whenever they wake, so headers and back-offs apply to them too.
 */
export function createSlidingWindowLimiter(options: SlidingWindowOptions): RateLimiter {
  const client = { provider: options.provider, label: options.label };
  const context = { operation: 'createClient', ...client };
  const configuredLimit = validateInteger(options.limit, 'rateLimit.limit', 1, undefined, context);
  let limit = configuredLimit;
  let intervalMs = validateInteger(options.intervalMs, 'rateLimit.intervalMs', 1, MAX_TIMER_MS, context);
  // Monotonic and sub-millisecond: a stepped wall clock can make a window look shorter than the server's.
  const now = options.now ?? monotonicNow;
  const queue = createQueue(client, options.sleep);
  let inFlight = 0; // let go and not yet answered: each holds a slot with no end in sight
  // Answer times (ascending) of requests still inside the window, plus phantoms the server told us about.
  const answered: MonotonicMs[] = [];
  let blockedUntil: MonotonicMs = 0;
  let changed = deferred(); // resolved (and replaced) whenever a slot changes state

  const prune = (time: number): void => {
    const kept = answered.findIndex((answeredAt) => answeredAt + intervalMs + MARGIN_MS > time);
    answered.splice(0, kept === -1 ? answered.length : kept);
  };

  const settle = (time: number): void => {
    if (inFlight === 0) return; // an answer we did not let go (a stray update): nothing to count
    inFlight--;
    answered.push(time); // `time` is now(): never earlier than the entries before it
    changed.resolve();
    changed = deferred();
  };

  async function takeSlot(signal: AbortSignal | undefined, started: MonotonicMs): Promise<number> {
    for (;;) {
      throwIfAborted(signal, client);
      const current = now();
      prune(current);
      if (current < blockedUntil) {
        await queue.sleep(blockedUntil - current, signal);
      } else if (inFlight + answered.length < limit) {
        inFlight++;
        return now() - started;
      } else if (answered[0] !== undefined && inFlight < limit) {
        // Full: the oldest answered request leaves the window first.
        await queue.sleep(answered[0] + intervalMs + MARGIN_MS - current, signal);
      } else {
        // Every slot is in flight: nothing to time, wait for an answer (or failure).
        await waitFor(changed.promise, signal, client);
      }
    }
  }

  return {
    acquire(signal?: AbortSignal): Promise<number> {
      const started = now();
      return queue.enter(signal, () => takeSlot(signal, started));
    },

    // The attempt ended without an answer (network failure, timeout): it may still have reached the server.
    release: () => settle(now()),

    update(response: Response, retryAfterMs?: DelayMs): void {
      const headers = response.headers;
      const current = now();
      settle(current);
      const max = Number.parseInt(headers.get('x-ratelimit-max') ?? '', 10);
      // Trust a stricter server; never raise above what the caller configured.
      if (max > 0) limit = Math.min(configuredLimit, max);
      const interval = Number.parseInt(headers.get('x-ratelimit-interval-milliseconds') ?? '', 10);
      if (interval > 0) intervalMs = Math.max(intervalMs, Math.min(interval, MAX_SERVER_INTERVAL_MS));
      if (response.status === 429) {
        blockedUntil = Math.max(blockedUntil, current + Math.min(retryAfterMs ?? intervalMs, MAX_TIMER_MS));
        return;
      }
      const remaining = Number.parseInt(headers.get('x-ratelimit-remaining') ?? '', 10);
      if (Number.isNaN(remaining) || remaining < 0) return;
      prune(current);
      // The server says fewer remain than we think (another client on the same token, say): trust it, with
      // phantom answers that leave the window an interval from now.
      const phantoms = limit - (inFlight + answered.length) - remaining;
      if (phantoms > 0) answered.push(...new Array<number>(phantoms).fill(current));
    },
  };
}
