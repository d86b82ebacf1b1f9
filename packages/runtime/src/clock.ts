// The monotonic clock times everything (windows, waits, deadlines); the wall clock is read only to turn an HTTP
// date into a delay (parseRetryAfter). A header reaches a limiter or the retry loop as a delay, never an instant.

/** Milliseconds from the moment it was computed. */
export type DelayMs = number;
/** A reading of `monotonicNow()`: meaningful only against another reading of it. */
export type MonotonicMs = number;

export const monotonicNow = (): MonotonicMs => performance.now();

/** setTimeout's ceiling (2^31 - 1): a longer delay fires at once (Node: TimeoutOverflowWarning). */
export const MAX_TIMER_MS: DelayMs = 2_147_483_647;
