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
 * Retry-After as milliseconds from `now`: delta-seconds ("120") or an HTTP date. Undefined when absent or
 * unparseable; never negative. (Seconds, not milliseconds: a classic client bug is reading "2" as 2 ms.)
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (/^\d+\.\d+$/.test(text)) return Math.ceil(Number(text) * 1000); // not RFC 9110, but seen in the wild
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Full-jitter exponential backoff for 0-based `retryIndex`, in whole milliseconds. */
export function backoffDelay(retry: ResolvedRetry, retryIndex: number, random: () => number): number {
  return Math.floor(random() * Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** retryIndex));
}
