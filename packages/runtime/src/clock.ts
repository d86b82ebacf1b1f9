// The monotonic clock times everything (windows, waits, deadlines); the wall clock is read only to turn an HTTP
// date into a delay (parseRetryAfter). A header reaches a limiter or the retry loop as a delay, never an instant.

export type DelayMs = number; // milliseconds from the moment it was computed
export type MonotonicMs = number; // a reading of monotonicNow(): meaningful only against another reading

export const monotonicNow = (): MonotonicMs => performance.now();

/** setTimeout's ceiling (2^31 - 1): a longer delay fires at once (Node: TimeoutOverflowWarning). */
export const MAX_TIMER_MS: DelayMs = 2_147_483_647;
