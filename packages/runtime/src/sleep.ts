import { type DelayMs, MAX_TIMER_MS } from './clock';

/** Waits `ms`; rejects with `signal.reason` when `signal` aborts. Past setTimeout's ceiling, sleeps in steps. */
export function sleep(ms: DelayMs, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout>;
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const wait = (remaining: DelayMs): void => {
      const step = Math.min(remaining, MAX_TIMER_MS);
      timer = setTimeout(() => {
        if (remaining > step) return wait(remaining - step);
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, step);
    };
    wait(ms > 0 ? ms : 0); // NaN and negatives: no wait
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
