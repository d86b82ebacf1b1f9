export interface RateLimiter {
  /** Waits for a slot; resolves with the milliseconds waited. Rejects with AbortedError if aborted while waiting. */
  acquire(signal?: AbortSignal): Promise<number>;
  /** Learns from a response's headers (and backs off on 429). */
  update?(response: Response): void;
}
