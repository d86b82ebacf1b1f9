import type { DelayMs } from '../clock';

export interface RateLimiter {
  /** Waits for a slot; resolves with the milliseconds waited. Rejects with AbortedError if aborted while waiting. */
  acquire(signal?: AbortSignal): Promise<number>;
  /**
   * An acquired attempt got an answer: learns from its headers, and backs off on 429. `retryAfterMs` is the
   * answer's Retry-After as a delay from now, already parsed (and capped) by the transport; undefined when the
   * answer has none. A limiter never reads Retry-After itself (see clock.ts: it would need the wall clock).
   */
  update?(response: Response, retryAfterMs?: DelayMs): void;
  /** An acquired attempt ended without an answer (network failure, timeout, auth hook failure). */
  release?(): void;
}
