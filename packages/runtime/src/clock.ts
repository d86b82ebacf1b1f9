/**
 * The two clocks, and the rule that keeps them apart:
 * - the monotonic clock (`monotonicNow`, performance.now()) times everything: windows, waits, deadlines,
 *   durations. It never jumps, and its readings are only ever compared with each other;
 * - the wall clock (Date.now()) is read only to turn an HTTP date into a delay, in retry.ts (parseRetryAfter).
 * What crosses from a response header to a limiter or the retry loop is a delay (DelayMs), never an instant.
 */

/** A duration in milliseconds, counted from the moment it was computed. */
export type DelayMs = number;

/** A reading of `monotonicNow()`: meaningful only against another reading of it. */
export type MonotonicMs = number;

export const monotonicNow: () => MonotonicMs =
  typeof performance !== 'undefined' && typeof performance.now === 'function'
    ? () => performance.now()
    : () => Date.now(); // no performance API (very old runtimes): the wall clock is the best there is

/** setTimeout's ceiling (2^31 - 1): a longer delay fires at once (Node: TimeoutOverflowWarning). */
export const MAX_TIMER_MS: DelayMs = 2_147_483_647;
