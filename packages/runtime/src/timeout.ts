export const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * One attempt's signal: aborts when the caller's does (with its reason) or when `timeoutMs` passes (with a
 * DOMException named 'TimeoutError'). Not `AbortSignal.any`: on Node 20 each one stays registered on a
 * long-lived caller signal until it aborts (a leak), and older browsers lack it. `release()` unhooks.
 */
export class AttemptDeadline {
  private readonly controller = new AbortController();
  readonly signal = this.controller.signal;
  private caller: AbortSignal | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly timeoutMs: number,
    caller: AbortSignal | undefined,
  ) {
    if (caller?.aborted) {
      this.controller.abort(caller.reason);
      return;
    }
    caller?.addEventListener('abort', this);
    this.caller = caller;
    this.timer = setTimeout(() => this.expire(), timeoutMs);
    // Node-like runtimes: a pending deadline alone must not keep the process alive.
    (this.timer as { unref?: () => void }).unref?.();
  }

  /** The caller's signal fired. */
  handleEvent(): void {
    this.controller.abort(this.caller?.reason);
    this.release();
  }

  expire(): void {
    this.controller.abort(new DOMException('The operation timed out.', 'TimeoutError'));
    this.release();
  }

  /** The attempt is over (retried, failed, or its body read): stop watching. Safe to call more than once. */
  release(): void {
    clearTimeout(this.timer);
    this.caller?.removeEventListener('abort', this);
    this.caller = undefined;
  }
}
