import {
  AbortedError,
  ConnectionError,
  type ErrorDetails,
  InvalidResponseError,
  TimeoutError,
} from './errors';
import type { Provider } from './provider';
import { releaseResponse, responseContext } from './response-context';

/** Default response body cap: 10 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 10_485_760;

export interface ReadBodyContext {
  provider: Provider;
  operation: string;
  maxBodyBytes?: number;
  signal?: AbortSignal;
  requestId?: string;
  attempts?: number;
}

function details(response: Response, context: ReadBodyContext): ErrorDetails {
  const known = responseContext(response);
  return {
    provider: context.provider,
    operation: context.operation,
    status: response.status,
    requestId: context.requestId ?? known?.requestId,
    attempts: context.attempts ?? known?.attempts ?? 1,
  };
}

/** Cancels a body we will not read, ignoring errors (the stream may already be closed or errored). */
export function discardBody(response: Response): void {
  if (response.body && !response.bodyUsed) response.body.cancel().catch(() => {});
  releaseResponse(response);
}

export function bodyTooLarge(response: Response, context: ReadBodyContext, maxBodyBytes: number): Error {
  return new InvalidResponseError({
    ...details(response, context),
    reason: 'body-too-large',
    message: `invalid response (body-too-large: more than ${maxBodyBytes} bytes)`,
  });
}

/**
 * Turns a failure while reading a body into our error: the caller's abort → AbortedError, the deadline →
 * TimeoutError; anything else (undici's `TypeError: terminated` on a reset or a body cut short) is the
 * connection lost mid-body → ConnectionError.
 */
export function readFailure(error: unknown, response: Response, context: ReadBodyContext): Error {
  const known = responseContext(response);
  const callerSignal = context.signal ?? known?.callerSignal;
  if (callerSignal?.aborted)
    return new AbortedError({ ...details(response, context), cause: callerSignal.reason });
  const signal = known?.deadline.signal;
  if (signal?.aborted) {
    if ((signal.reason as { name?: unknown } | undefined)?.name === 'TimeoutError') {
      return new TimeoutError({ ...details(response, context), timeoutMs: known?.deadline.timeoutMs ?? 0 });
    }
    return new AbortedError({ ...details(response, context), cause: signal.reason });
  }
  return new ConnectionError({ ...details(response, context), cause: error });
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * The body's bytes, at most `maxBodyBytes`. A Content-Length over the cap is refused without reading; otherwise
 * the cap is enforced while streaming and the stream is cancelled as soon as it is passed.
 */
export async function readBodyBytes(response: Response, context: ReadBodyContext): Promise<Uint8Array> {
  // One async function, not a wrapper around another: this runs once per typed call.
  try {
    const maxBodyBytes = context.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    const body = response.body;
    if (body === null) return new Uint8Array(0);
    if (response.bodyUsed) {
      throw new InvalidResponseError({ ...details(response, context), reason: 'body-used' });
    }
    const lengthHeader = response.headers.get('content-length');
    if (lengthHeader !== null) {
      const length = Number(lengthHeader);
      if (length > maxBodyBytes) {
        discardBody(response);
        throw bodyTooLarge(response, context, maxBodyBytes);
      }
      if (length >= 0) {
        // Fast path: the size is known and allowed, and fetch stops at Content-Length.
        try {
          return new Uint8Array(await response.arrayBuffer());
        } catch (error) {
          throw readFailure(error, response, context);
        }
      }
    }
    const signal = context.signal ?? responseContext(response)?.deadline.signal;
    const reader = body.getReader();
    // An injected or in-memory stream does not watch our signal the way fetch's body does: cancel it ourselves.
    const onAbort = (): void => {
      reader.cancel().catch(() => {});
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const chunks: Uint8Array[] = [];
    let total = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (signal?.aborted) throw signal.reason;
        if (done) break;
        total += value.byteLength;
        if (total > maxBodyBytes) {
          reader.cancel().catch(() => {});
          throw bodyTooLarge(response, context, maxBodyBytes);
        }
        chunks.push(value);
      }
    } catch (error) {
      if (error instanceof InvalidResponseError) throw error;
      throw readFailure(error, response, context);
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
    return concat(chunks, total);
  } finally {
    releaseResponse(response);
  }
}
