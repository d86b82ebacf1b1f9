import { type DelayMs, MAX_TIMER_MS } from './clock';
import { type ValidationContext, validateInteger } from './validation';

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

const NO_RETRY: ResolvedRetry = Object.freeze({ ...DEFAULT_RETRY, maxRetries: 0 });

export function resolveRetry(retry: RetryOptions | false | undefined, context: ValidationContext) {
  if (retry === false) return NO_RETRY;
  if (retry === undefined) return DEFAULT_RETRY;
  const resolved = { ...DEFAULT_RETRY, ...retry };
  validateInteger(resolved.maxRetries, 'retry.maxRetries', 0, 10, context);
  for (const key of ['baseDelayMs', 'maxDelayMs', 'maxRetryAfterMs'] as const)
    validateInteger(resolved[key], `retry.${key}`, 0, MAX_TIMER_MS, context);
  return resolved;
}

// The request was not processed, or the server is briefly unavailable.
const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
export const isRetryableStatus = (status: number): boolean => RETRYABLE_STATUSES.has(status);

// Retry-After (delta-seconds or an HTTP date) as a delay from now, never negative; undefined when absent or
// unparseable. The one place a Retry-After becomes a delay, and a date is compared with Date.now() (clock.ts).
export function parseRetryAfter(value: string | null): DelayMs | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  // Fractional seconds are not RFC 9110, but seen in the wild.
  if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text) * 1000);
  const date = parseHttpDate(text);
  return date === undefined ? undefined : Math.max(0, date - Date.now());
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
