import {
  AbortedError,
  CommerceCollectionsError,
  ConnectionError,
  type ErrorDetails,
  InvalidResponseError,
  TimeoutError,
} from './errors';
import type { Deadline } from './timeout';

/** Default response body cap: 10 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 10_485_760;

/** Who reads the body, and under what limits. */
export interface ReadBodyContext {
  provider: string;
  label?: string;
  operation: string;
  /** Default 10 MiB. */
  maxBodyBytes?: number;
  /** The caller's signal: its abort ends the read with an AbortedError. */
  signal?: AbortSignal;
  /** The attempt's deadline (its signal also follows the caller's): passing it ends the read with a TimeoutError. */
  deadline?: Deadline;
  requestId?: string;
  attempts?: number;
}

function details(response: Response, context: ReadBodyContext): ErrorDetails {
  return {
    provider: context.provider,
    label: context.label,
    operation: context.operation,
    status: response.status,
    requestId: context.requestId,
    attempts: context.attempts ?? 1,
  };
}

/** Cancels a body we will not read, ignoring errors (the stream may already be closed or errored). */
export function discardBody(response: Response): void {
  if (response.body && !response.bodyUsed) response.body.cancel().catch(() => {});
}

function bodyTooLarge(response: Response, context: ReadBodyContext, maxBodyBytes: number): Error {
  return new InvalidResponseError({
    ...details(response, context),
    reason: 'body-too-large',
    message: `invalid response (body-too-large: more than ${maxBodyBytes} bytes)`,
  });
}

/**
 * Turns a failure while reading a body into our error: the caller's abort → AbortedError, the deadline →
 * TimeoutError; anything else (undici's `TypeError: terminated` on a reset or a body cut short) is the
 * connection lost mid-body → ConnectionError. Our own errors (from a capped body) pass through.
 */
function readFailure(error: unknown, response: Response, context: ReadBodyContext): Error {
  if (error instanceof CommerceCollectionsError) return error;
  const base = details(response, context);
  if (context.signal?.aborted) return new AbortedError({ ...base, cause: context.signal.reason });
  const signal = context.deadline?.signal;
  if (signal?.aborted) {
    if ((signal.reason as { name?: unknown } | undefined)?.name === 'TimeoutError') {
      return new TimeoutError({ ...base, timeoutMs: context.deadline?.timeoutMs ?? 0 });
    }
    return new AbortedError({ ...base, cause: signal.reason });
  }
  return new ConnectionError({ ...base, cause: error });
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
  const encoding = headers.get('content-encoding')?.trim().toLowerCase();
  if (encoding !== undefined && encoding !== '' && encoding !== 'identity') return false;
  return Number(length) > maxBodyBytes;
}

/**
 * A reader of the body's chunks, at most `maxBodyBytes` of them as fetch delivers them (decoded, whatever the
 * encoding): `next()` resolves with a chunk or undefined at the end, and rejects with our typed errors. Over the
 * cap, the stream is cancelled at once, so a compressed bomb or a lying Content-Length costs at most the cap plus
 * one chunk; an unencoded body whose Content-Length is over the cap is refused without reading. Never
 * `response.arrayBuffer()`: it decodes without any limit. `done()` releases the deadline and the abort listener.
 */
function cappedReader(response: Response, body: ReadableStream<Uint8Array>, context: ReadBodyContext) {
  const maxBodyBytes = context.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const oversize = declaredOverCap(response.headers, maxBodyBytes);
  const reader = body.getReader();
  const signal = context.deadline?.signal ?? context.signal;
  // An injected or in-memory stream does not watch our signal the way fetch's body does: cancel it ourselves.
  const onAbort = (): void => {
    reader.cancel().catch(() => {});
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  let total = 0;
  const done = (): void => {
    signal?.removeEventListener('abort', onAbort);
    context.deadline?.release();
  };
  const fail = (error: unknown): never => {
    reader.cancel().catch(() => {});
    done();
    throw readFailure(error, response, context);
  };
  return {
    async next(): Promise<Uint8Array | undefined> {
      if (oversize) fail(bodyTooLarge(response, context, maxBodyBytes));
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        return fail(error);
      }
      if (signal?.aborted) fail(signal.reason);
      if (chunk.done) {
        done();
        return undefined;
      }
      total += chunk.value.byteLength;
      if (total > maxBodyBytes) fail(bodyTooLarge(response, context, maxBodyBytes));
      return chunk.value;
    },
    cancel(reason?: unknown): Promise<void> {
      done();
      return reader.cancel(reason);
    },
  };
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

/** The whole body, capped (see cappedReader), under the context's deadline and signal. */
export async function readBodyBytes(response: Response, context: ReadBodyContext): Promise<Uint8Array> {
  const body = response.body;
  if (body === null) {
    context.deadline?.release();
    return new Uint8Array(0);
  }
  if (response.bodyUsed) {
    context.deadline?.release();
    throw new InvalidResponseError({ ...details(response, context), reason: 'body-used' });
  }
  const reader = cappedReader(response, body, context);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (let chunk = await reader.next(); chunk !== undefined; chunk = await reader.next()) {
    chunks.push(chunk);
    total += chunk.byteLength;
  }
  return concat(chunks, total);
}

/**
 * The same response with its body capped and watched (see cappedReader), for a caller that reads it itself (a
 * `raw` call: openapi-fetch parses it). Read failures surface as our typed errors from the body's stream.
 */
export function cappedResponse(response: Response, context: ReadBodyContext): Response {
  const body = response.body;
  if (body === null || response.bodyUsed) {
    context.deadline?.release();
    return response;
  }
  const reader = cappedReader(response, body, context);
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const chunk = await reader.next();
        if (chunk === undefined) controller.close();
        else controller.enqueue(chunk);
      } catch (error) {
        controller.error(error);
      }
    },
    cancel: (reason) => reader.cancel(reason),
  });
  const capped = new Response(stream, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  // A new Response has no URL; the caller may want the one the answer came from.
  Object.defineProperty(capped, 'url', { value: response.url });
  return capped;
}
