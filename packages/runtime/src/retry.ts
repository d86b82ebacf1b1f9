import type { DelayMs } from './clock';

export interface RetryOptions {
  /** Retries after the first attempt (GET only). Default 2. */
  maxRetries?: number;
  /** Backoff base: retry n waits random() × min(maxDelayMs, baseDelayMs × 2^n). Default 500. */
  baseDelayMs?: number;
  /** Backoff ceiling. Default 8000. */
  maxDelayMs?: number;
  /** A Retry-After longer than this is not waited for: the call fails at once. Default 60000. */
  maxRetryAfterMs?: number;
}

export type ResolvedRetry = Required<RetryOptions>;

export const DEFAULT_RETRY: ResolvedRetry = Object.freeze({
  maxRetries: 2,
  baseDelayMs: 500,
  maxDelayMs: 8000,
  maxRetryAfterMs: 60_000,
});

export const NO_RETRY: ResolvedRetry = Object.freeze({ ...DEFAULT_RETRY, maxRetries: 0 });

/** Statuses worth another attempt: the request was not processed or the server is briefly unavailable. */
export function isRetryableStatus(status: number): boolean {
  return (
    status === 408 || status === 429 || status === 500 || status === 502 || status === 503 || status === 504
  );
}

/**
 * Retry-After as a delay in milliseconds from now: delta-seconds ("120") or an HTTP date. Undefined when absent
 * or unparseable; never negative. (Seconds, not milliseconds: a classic client bug is reading "2" as 2 ms.)
 *
 * The one place a Retry-After becomes a delay. Clock rule (see clock.ts): an HTTP date is wall-clock time, so it
 * is compared with Date.now() here, at the moment the header is read, and only the delay leaves this function.
 * Limiters and the retry loop time that delay on the monotonic clock; they never see the date. (A limiter once
 * compared a date with performance.now(): a 1.5 s Retry-After became 57 years, slept in 1 ms steps.)
 */
export function parseRetryAfter(value: string | null): DelayMs | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (/^\d+\.\d+$/.test(text)) return Math.ceil(Number(text) * 1000); // not RFC 9110, but seen in the wild
  const date = parseHttpDate(text);
  if (date === undefined) return undefined;
  return Math.max(0, date - Date.now());
}

/** Epoch milliseconds of an HTTP date (IMF-fixdate, RFC 850 or asctime, all GMT), else undefined. */
function parseHttpDate(text: string): number | undefined {
  // Date.parse is lenient: "-1" or "2" would be read as dates in 2001. An HTTP date names its month.
  if (!/[a-z]{3}/i.test(text)) return undefined;
  // asctime carries no zone, and Date.parse would read it as local time: it is GMT.
  const asctime = /^[a-z]{3} [a-z]{3} [ \d]\d \d\d:\d\d:\d\d \d{4}$/i.test(text);
  const time = Date.parse(asctime ? `${text} GMT` : text);
  return Number.isNaN(time) ? undefined : time;
}

/** Full-jitter exponential backoff for 0-based `retryIndex`, in whole milliseconds. */
export function backoffDelay(retry: ResolvedRetry, retryIndex: number, random: () => number): number {
  return Math.floor(random() * Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** retryIndex));
}
