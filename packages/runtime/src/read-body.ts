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
 * Whether Content-Length alone already says the body is over the cap. Only when the body is not encoded: with
 * `Content-Encoding` (gzip, deflate, br) the header counts encoded bytes, and fetch hands us decoded ones, which
 * can be a thousand times more. (A browser hides Content-Encoding on a cross-origin response unless the server
 * exposes it; then the encoded size is compared, which exceeds the decoded one only for incompressible data, by a
 * few bytes.)
 */
function declaredOverCap(headers: Headers, maxBodyBytes: number): boolean {
  const length = headers.get('content-length');
  if (length === null) return false;
  const encoding = headers.get('content-encoding');
  if (encoding !== null && encoding.trim() !== '' && encoding.trim().toLowerCase() !== 'identity')
    return false;
  return Number(length) > maxBodyBytes;
}

/**
 * The body's bytes, at most `maxBodyBytes` of them as fetch delivers them (decoded, whatever the encoding). The
 * stream is read chunk by chunk and cancelled as soon as the count passes the cap, so a compressed bomb or a lying
 * Content-Length costs at most the cap plus one chunk. An unencoded body whose Content-Length is over the cap is
 * refused without reading.
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
    if (declaredOverCap(response.headers, maxBodyBytes)) {
      discardBody(response);
      throw bodyTooLarge(response, context, maxBodyBytes);
    }
    // Never response.arrayBuffer(): it decodes without any limit (Content-Length counts the encoded bytes).
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
