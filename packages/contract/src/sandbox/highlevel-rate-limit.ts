import type { ResolvedSandboxOptions } from './options';
import { createSlidingWindowLimiter } from './rate-limit';

const dailyLimit = 200_000;

/** HighLevel's rate-limit headers and the state behind them: the burst window and the daily count. */
export interface HighLevelRateState {
  /** The `X-RateLimit-*` headers as they stand now; every response carries them. */
  headers(): Record<string, string>;
  /** Takes a slot in the burst window: the `Retry-After` seconds when refused, else `undefined`. */
  takeBurstSlot(): string | undefined;
  /** Counts an accepted request against the daily limit. */
  countDaily(): void;
  reset(): void;
}

export function createHighLevelRateState(resolved: ResolvedSandboxOptions): HighLevelRateState {
  const intervalMs = resolved.nominalRateLimit.intervalMs;
  const maxPerInterval = resolved.nominalRateLimit.limit;
  const limiter = resolved.rateLimit
    ? createSlidingWindowLimiter(resolved.rateLimit.limit, resolved.rateLimit.intervalMs)
    : undefined;
  let remaining = maxPerInterval;
  let dailyRemaining = dailyLimit;
  return {
    headers: () => ({
      'X-RateLimit-Limit-Daily': String(dailyLimit),
      'X-RateLimit-Daily-Remaining': String(dailyRemaining),
      'X-RateLimit-Interval-Milliseconds': String(intervalMs),
      'X-RateLimit-Max': String(maxPerInterval),
      'X-RateLimit-Remaining': String(remaining),
    }),
    takeBurstSlot() {
      if (!limiter) return undefined;
      const decision = limiter.take();
      remaining = decision.remaining;
      if (decision.allowed) return undefined;
      return String(Math.max(1, Math.ceil(decision.retryAfterMs / 1000)));
    },
    countDaily() {
      dailyRemaining = Math.max(0, dailyRemaining - 1);
    },
    reset() {
      limiter?.reset();
      remaining = maxPerInterval;
      dailyRemaining = dailyLimit;
    },
  };
}
