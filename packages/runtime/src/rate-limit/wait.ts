import { AbortedError } from '../errors';
import { sleep as defaultSleep } from '../sleep';

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** Sleeps until a reserved slot, turning an abort into AbortedError. */
export async function waitForSlot(
  waitMs: number,
  signal: AbortSignal | undefined,
  sleep: Sleep = defaultSleep,
  client: { provider: string; label?: string },
): Promise<number> {
  if (signal?.aborted) throw new AbortedError({ ...client, operation: 'rateLimit', cause: signal.reason });
  if (waitMs <= 0) return 0;
  try {
    await sleep(waitMs, signal);
  } catch (error) {
    if (signal?.aborted) throw new AbortedError({ ...client, operation: 'rateLimit', cause: signal.reason });
    throw error;
  }
  return waitMs;
}

/** Waits for `previous` (the waiter ahead in a FIFO queue), turning an abort meanwhile into AbortedError. */
export async function waitTurn(
  previous: Promise<void>,
  signal: AbortSignal | undefined,
  client: { provider: string; label?: string },
): Promise<void> {
  if (!signal) return previous;
  const aborted = () => new AbortedError({ ...client, operation: 'rateLimit', cause: signal.reason });
  if (signal.aborted) throw aborted();
  let onAbort: (() => void) | undefined;
  try {
    await Promise.race([
      previous,
      new Promise<never>((_, reject) => {
        onAbort = () => reject(aborted());
        signal.addEventListener('abort', onAbort, { once: true });
      }),
    ]);
  } finally {
    if (onAbort) signal.removeEventListener('abort', onAbort);
  }
}
