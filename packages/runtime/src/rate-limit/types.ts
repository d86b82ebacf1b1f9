export interface RateLimiter {
  /** Waits for a slot; resolves with the milliseconds waited. Rejects with AbortedError if aborted while waiting. */
  acquire(signal?: AbortSignal): Promise<number>;
  /** An acquired attempt got an answer: learns from its headers (and backs off on 429). */
  update?(response: Response): void;
  /** An acquired attempt ended without an answer (network failure, timeout, auth hook failure). */
  release?(): void;
}
