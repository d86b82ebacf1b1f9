import type { DelayMs, MonotonicMs } from '../clock';
import type { ErrorDetails } from '../errors';
import type { Sleep } from './wait';

export interface RateLimiter {
  /** Waits for a slot; resolves with the milliseconds waited. Rejects with AbortedError if aborted while waiting. */
  acquire(signal?: AbortSignal): Promise<number>;
  /** An acquired attempt got an answer (and its Retry-After as a capped delay, see clock.ts): learn, back off. */
  update?(response: Response, retryAfterMs?: DelayMs): void;
  /** An acquired attempt ended without an answer (network failure, timeout, auth hook failure). */
  release?(): void;
}

/** What both limiters take besides their rates; `provider` and `label` name the client in errors. */
export interface LimiterOptions extends Pick<ErrorDetails, 'provider' | 'label'> {
  /** The monotonic clock, for tests. Default performance.now. */
  now?: () => MonotonicMs;
  sleep?: Sleep;
}
