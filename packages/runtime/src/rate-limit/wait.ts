import { AbortedError } from '../errors';
import { sleep as defaultSleep } from '../sleep';

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;
type Client = { provider: string; label?: string | undefined };

export function throwIfAborted(signal: AbortSignal | undefined, client: Client): void {
  if (signal?.aborted) throw new AbortedError({ ...client, operation: 'rateLimit', cause: signal.reason });
}

/** Waits for `promise`, turning an abort (before or meanwhile) into AbortedError. */
export async function waitFor(promise: Promise<void>, signal: AbortSignal | undefined, client: Client) {
  throwIfAborted(signal, client);
  if (!signal) return promise;
  const aborted = deferred();
  signal.addEventListener('abort', aborted.resolve, { once: true });
  try {
    await Promise.race([promise, aborted.promise]);
  } finally {
    signal.removeEventListener('abort', aborted.resolve);
  }
  throwIfAborted(signal, client);
}

/** A FIFO queue of waiters: each runs `take` once the one before it has taken its slot or given up. */
export function createQueue(client: Client, sleep: Sleep = defaultSleep) {
  let tail: Promise<void> = Promise.resolve();
  return {
    /** Sleeps `ms`, turning an abort (before or during) into AbortedError. */
    async sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
      throwIfAborted(signal, client);
      if (ms <= 0) return;
      try {
        await sleep(ms, signal);
      } catch (error) {
        throwIfAborted(signal, client);
        throw error;
      }
    },
    async enter<T>(signal: AbortSignal | undefined, take: () => Promise<T>): Promise<T> {
      const previous = tail;
      const turn = deferred();
      tail = turn.promise;
      try {
        await waitFor(previous, signal, client);
        return await take();
      } finally {
        // Our turn is over (even if we were aborted while queued): the next waiter goes after the one before us.
        previous.then(turn.resolve, turn.resolve);
      }
    },
  };
}

export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
