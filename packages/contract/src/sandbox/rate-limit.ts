/** Outcome of asking a limiter for one request slot. */
export interface RateDecision {
  allowed: boolean;
  /** Slots left in the current window/bucket after this request. */
  remaining: number;
  /** When refused: milliseconds until a slot frees up. */
  retryAfterMs: number;
}

export interface RateLimiter {
  take(): RateDecision;
  reset(): void;
}

/**
 * HighLevel's burst limit: at most `limit` requests in any trailing window of `windowMs`
 * (a sliding log, so a burst at the end of one window and the start of the next is still refused).
 */
export function createSlidingWindowLimiter(
  limit: number,
  windowMs: number,
  now: () => number = performance.now.bind(performance),
): RateLimiter {
  let accepted: number[] = [];
  return {
    take() {
      const time = now();
      accepted = accepted.filter((at) => at > time - windowMs);
      if (accepted.length >= limit) {
        const oldest = accepted[0] ?? time;
        return { allowed: false, remaining: 0, retryAfterMs: Math.max(0, oldest + windowMs - time) };
      }
      accepted.push(time);
      return { allowed: true, remaining: limit - accepted.length, retryAfterMs: 0 };
    },
    reset() {
      accepted = [];
    },
  };
}

/**
 * Shoplazza's limit: a leaky bucket of `capacity` requests draining at `capacity` per `intervalMs`
 * (2 per second by default), so a steady 2/s never overflows but a burst of 3 does.
 */
export function createLeakyBucketLimiter(
  capacity: number,
  intervalMs: number,
  now: () => number = performance.now.bind(performance),
): RateLimiter {
  let level = 0;
  let updatedAt = now();
  const drainPerMs = capacity / intervalMs;
  return {
    take() {
      const time = now();
      level = Math.max(0, level - (time - updatedAt) * drainPerMs);
      updatedAt = time;
      if (level + 1 > capacity) {
        return { allowed: false, remaining: 0, retryAfterMs: (level + 1 - capacity) / drainPerMs };
      }
      level += 1;
      return { allowed: true, remaining: Math.floor(capacity - level), retryAfterMs: 0 };
    },
    reset() {
      level = 0;
      updatedAt = now();
    },
  };
}
