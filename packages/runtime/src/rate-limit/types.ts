import type { DelayMs } from '../clock';

export interface RateLimiter {
  /** Waits for a slot; resolves with the milliseconds waited. Rejects with AbortedError if aborted while waiting. */
  acquire(signal?: AbortSignal): Promise<number>;
  /** An acquired attempt got an answer (and its Retry-After as a capped delay, see clock.ts): learn, back off. */
  update?(response: Response, retryAfterMs?: DelayMs): void;
  /** An acquired attempt ended without an answer (network failure, timeout, auth hook failure). */
  release?(): void;
}
