import type { Writable } from 'node:stream';

export interface Output {
  /** Resolves once the stream can take more (backpressure), or at once when the stream has failed. */
  write(text: string): Promise<void>;
  /** The stream's error (EPIPE when the reader went away, e.g. `| head`), if it failed. */
  readonly error: NodeJS.ErrnoException | undefined;
}

/**
 * Data output with backpressure: a slow reader slows the listing down instead of filling memory. A failed
 * stream (the reader closed the pipe) calls `onError` once so the listing can stop its requests.
 */
export function createOutput(stream: Writable, onError: (error: NodeJS.ErrnoException) => void): Output {
  let failure: NodeJS.ErrnoException | undefined;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (failure) return;
    failure = error;
    onError(error);
  });
  return {
    get error() {
      return failure;
    },
    write(text) {
      if (failure || text.length === 0 || stream.write(text)) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const done = (): void => {
          stream.off('drain', done);
          stream.off('error', done);
          stream.off('close', done);
          resolve();
        };
        stream.on('drain', done);
        stream.on('error', done);
        stream.on('close', done);
      });
    },
  };
}

/** True for the errors a closed reader causes: the quiet way out. */
export function isBrokenPipe(error: NodeJS.ErrnoException | undefined): boolean {
  return error?.code === 'EPIPE' || error?.code === 'ERR_STREAM_DESTROYED';
}
