export const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * One attempt's signal: aborts with the caller's reason, or after `timeoutMs` with a 'TimeoutError' DOMException.
 * Not `AbortSignal.any`: on Node 20 each one stays registered on a long-lived caller signal (a leak).
 */
export class AttemptDeadline {
  readonly #controller = new AbortController();
  readonly signal = this.#controller.signal;
  #caller: AbortSignal | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly timeoutMs: number,
    caller: AbortSignal | undefined,
  ) {
    if (caller?.aborted) {
      this.#controller.abort(caller.reason);
      return;
    }
    caller?.addEventListener('abort', this);
    this.#caller = caller;
    this.timer = setTimeout(
      () => this.#abort(new DOMException('The operation timed out.', 'TimeoutError')),
      timeoutMs,
    );
    (this.timer as { unref?: () => void }).unref?.(); // a pending deadline must not keep Node alive
  }

  handleEvent(): void {
    this.#abort(this.#caller?.reason);
  }

  #abort(reason: unknown): void {
    this.#controller.abort(reason);
    this.release();
  }

  /** The attempt is over (retried, failed, or its body read): stop watching. Safe to call more than once. */
  release(): void {
    clearTimeout(this.timer);
    this.#caller?.removeEventListener('abort', this);
    this.#caller = undefined;
  }
}
