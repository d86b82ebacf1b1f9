import { type DelayMs, MAX_TIMER_MS, type MonotonicMs, monotonicNow } from '../clock';
import { AbortedError } from '../errors';
import { sleep as defaultSleep } from '../sleep';
import { validateInteger } from '../validation';
import type { RateLimiter } from './types';
import { type Sleep, waitTurn } from './wait';

export interface SlidingWindowOptions {
  /** Requests allowed in any window of `intervalMs`. */
  limit: number;
  /** Window length. */
  intervalMs: number;
  /** The monotonic clock, for tests. Default performance.now. */
  now?: () => MonotonicMs;
  sleep?: Sleep;
  /** The client's id and name, for its errors (a bad option, an aborted wait). */
  provider: string;
  label?: string;
}

/**
 * At most `limit` requests in any `intervalMs` window *as the server counts them*, shared by every caller.
 *
 * The server counts a request when it arrives, which is some unknown time after we send it. So a request holds a
 * slot from the moment it is let go until its answer (or failure), and only then starts its window, stamped with
 * the answer's time — never earlier than its arrival. Counting from the send time instead provokes a 429 at every
 * window boundary (measured: request #limit refused at every concurrency).
 *
 * Waiters queue FIFO (one wakes at a time, no thundering herd) and re-check the live state whenever they wake, so
 * a lower `X-RateLimit-Max`, a 429's back-off or slots freed meanwhile apply to requests already waiting.
 */
/** Slack added to every window, for clock granularity between us and the server (negligible against 10 s). */
const MARGIN_MS = 1;

/**
 * The longest window a server's `X-RateLimit-Interval-Milliseconds` may impose: a lying
 * header must not stall the client for longer than the default Retry-After cap.
 */
const MAX_SERVER_INTERVAL_MS = 60_000;

export function createSlidingWindowLimiter(options: SlidingWindowOptions): RateLimiter {
  const { provider, label } = options;
  const context = { provider, label, operation: 'createClient' };
  const configuredLimit = validateInteger(options.limit, 'rateLimit.limit', 1, undefined, context);
  let limit = configuredLimit;
  let intervalMs = validateInteger(options.intervalMs, 'rateLimit.intervalMs', 1, MAX_TIMER_MS, context);
  // Monotonic and sub-millisecond: a truncated or stepped wall clock can make a window look up to a millisecond
  // shorter than the server's, enough for a 429 on a short window.
  const now = options.now ?? monotonicNow;
  const sleep = options.sleep ?? defaultSleep;

  /** Requests let go and not yet answered: each holds a slot with no end in sight. */
  let inFlight = 0;
  /** Answer times (ascending) of requests still inside the window, plus phantoms the server told us about. */
  const answered: MonotonicMs[] = [];
  let blockedUntil: MonotonicMs = 0;
  /** The FIFO queue: each acquire waits for the one before it to be granted (or to give up). */
  let queueTail: Promise<void> = Promise.resolve();
  /** Resolved (and replaced) whenever a slot changes state, for a waiter with nothing to time. */
  let changed = deferred();

  const prune = (time: number): void => {
    let expired = 0;
    while (expired < answered.length && (answered[expired] as number) + intervalMs + MARGIN_MS <= time)
      expired++;
    if (expired > 0) answered.splice(0, expired);
  };

  const settle = (time: number): void => {
    if (inFlight === 0) return; // an answer we did not let go (a stray update): nothing to count
    inFlight--;
    answered.push(time); // `time` is now(): never earlier than the entries before it
    signalChange();
  };

  function signalChange(): void {
    const current = changed;
    changed = deferred();
    current.resolve();
  }

  const aborted = (signal: AbortSignal) =>
    new AbortedError({ provider, label, operation: 'rateLimit', cause: signal.reason });

  async function waitForChange(signal: AbortSignal | undefined): Promise<void> {
    await waitTurn(changed.promise, signal, { provider, label });
  }

  return {
    async acquire(signal?: AbortSignal): Promise<number> {
      const started = now();
      const previous = queueTail;
      let pass!: () => void;
      queueTail = new Promise<void>((resolve) => {
        pass = resolve;
      });
      try {
        await waitTurn(previous, signal, { provider, label });
        for (;;) {
          if (signal?.aborted) throw aborted(signal);
          const current = now();
          prune(current);
          if (current < blockedUntil) {
            await sleepAbortable(blockedUntil - current, signal);
            continue;
          }
          if (inFlight + answered.length < limit) {
            inFlight++;
            return now() - started;
          }
          // Full: the oldest answered request leaves the window first; if every slot is still in flight,
          // nothing can be timed — wait until an answer (or failure) arrives.
          const oldest = answered[0];
          if (oldest !== undefined && inFlight < limit) {
            await sleepAbortable(oldest + intervalMs + MARGIN_MS - current, signal);
          } else {
            await waitForChange(signal);
          }
        }
      } finally {
        // Granted or given up: the next waiter's turn (after ours, even if we were aborted while queued).
        previous.then(pass, pass);
      }
    },

    release(): void {
      // The attempt ended without an answer (network failure, timeout): it may still have reached the server.
      settle(now());
    },

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
      if (!Number.isNaN(remaining) && remaining >= 0) {
        prune(current);
        // The server says fewer remain than we think (another client on the same token and location, say):
        // trust it, with phantom answers that leave the window an interval from now.
        for (let phantom = limit - (inFlight + answered.length) - remaining; phantom > 0; phantom--) {
          answered.push(current);
        }
      }
    },
  };

  async function sleepAbortable(ms: number, signal: AbortSignal | undefined): Promise<void> {
    if (ms <= 0) return;
    try {
      await sleep(ms, signal);
    } catch (error) {
      if (signal?.aborted) throw aborted(signal);
      throw error;
    }
  }
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
