/**
 * Per-attempt deadlines. `AbortSignal.timeout` needs no cleanup (its timer does not keep Node alive and the
 * signal is collected with the request), which matters because the deadline must outlive `send()`: the body is
 * read after the response is returned and must stay under the same deadline.
 */

/** Default per-attempt timeout. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** An AbortSignal that aborts after `ms` with a DOMException named 'TimeoutError'. */
export function timeoutSignal(ms: number): AbortSignal {
  if (typeof AbortSignal.timeout === 'function') return AbortSignal.timeout(ms);
  // Older browsers: same reason shape as the native one.
  const controller = new AbortController();
  const timer: unknown = setTimeout(
    () => controller.abort(new DOMException('The operation timed out.', 'TimeoutError')),
    ms,
  );
  (timer as { unref?: () => void }).unref?.(); // Node-like runtimes: a deadline alone must not keep them alive
  return controller.signal;
}

/** A signal that aborts when any of `signals` aborts, with that signal's reason. */
export function anySignal(signals: AbortSignal[]): AbortSignal {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any(signals);
  // Fallback for browsers before AbortSignal.any (Safari < 17.4, Chrome < 116).
  const controller = new AbortController();
  for (const signal of signals) {
    if (signal.aborted) {
      controller.abort(signal.reason);
      return controller.signal;
    }
  }
  const onAbort = function (this: AbortSignal): void {
    controller.abort(this.reason);
    for (const signal of signals) signal.removeEventListener('abort', onAbort);
  };
  for (const signal of signals) signal.addEventListener('abort', onAbort);
  return controller.signal;
}

/** The per-attempt signal: the deadline, combined with the caller's signal when there is one. */
export function attemptSignal(timeoutMs: number, callerSignal: AbortSignal | undefined): AbortSignal {
  const deadline = timeoutSignal(timeoutMs);
  return callerSignal ? anySignal([callerSignal, deadline]) : deadline;
}
