import {
  AbortedError,
  CommerceCollectionsError,
  ConnectionError,
  type ErrorDetails,
  InvalidResponseError,
  TimeoutError,
} from './errors';
import type { AttemptDeadline } from './timeout';

export const DEFAULT_MAX_BODY_BYTES = 10_485_760;

export interface ReadBodyContext
  extends Pick<ErrorDetails, 'provider' | 'label' | 'operation' | 'requestId' | 'attempts'> {
  maxBodyBytes?: number;
  /** The caller's signal: its abort ends the read with an AbortedError. */
  signal?: AbortSignal | undefined;
  /** The attempt's deadline (it also follows the caller's signal): passing it ends the read with a TimeoutError. */
  deadline?: AttemptDeadline;
}

export function bodyErrorDetails(response: Response, context: ReadBodyContext): ErrorDetails {
  const { provider, label, operation, requestId } = context;
  return { provider, label, operation, status: response.status, requestId, attempts: context.attempts ?? 1 };
}

/** An InvalidResponseError saying `invalid response (<reason>: <text>)`; `more`: its cause, field or body. */
export function invalidResponse(
  response: Response,
  context: ReadBodyContext,
  reason: string,
  text: string,
  more?: Pick<ErrorDetails, 'cause' | 'body'> & { field?: string },
) {
  const message = `invalid response (${reason}: ${text})`;
  return new InvalidResponseError({ ...bodyErrorDetails(response, context), reason, message, ...more });
}

/** Cancels a body we will not read, ignoring errors (the stream may already be closed or errored). */
export function discardBody(response: Response): void {
  if (response.body && !response.bodyUsed) response.body.cancel().catch(() => {});
}

// The caller's abort, the deadline, else the connection lost mid-body (undici's `TypeError: terminated`).
function readFailure(error: unknown, response: Response, context: ReadBodyContext): Error {
  if (error instanceof CommerceCollectionsError) return error;
  const base = bodyErrorDetails(response, context);
  const { signal, deadline } = context;
  if (signal?.aborted) return new AbortedError({ ...base, cause: signal.reason });
  if (!deadline?.signal.aborted) return new ConnectionError({ ...base, cause: error });
  const reason = deadline.signal.reason as { name?: unknown } | undefined;
  if (reason?.name === 'TimeoutError') return new TimeoutError({ ...base, timeoutMs: deadline.timeoutMs });
  return new AbortedError({ ...base, cause: reason });
}

// At most `maxBodyBytes` of the decoded body (never `arrayBuffer()`: no limit), failing with our typed errors: a
// compressed bomb or a lying Content-Length costs at most the cap plus one chunk. Only an unencoded body's
// Content-Length can be trusted against the cap: fetch hands us decoded bytes.
function cappedReader(response: Response, body: ReadableStream<Uint8Array>, context: ReadBodyContext) {
  const maxBodyBytes = context.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const length = response.headers.get('content-length');
  const encoding = response.headers.get('content-encoding')?.trim().toLowerCase() || 'identity';
  const tooLarge = () =>
    invalidResponse(response, context, 'body-too-large', `more than ${maxBodyBytes} bytes`);
  const oversize = encoding === 'identity' && Number(length) > maxBodyBytes; // Number(null): 0
  const reader = body.getReader();
  const signal = context.deadline?.signal ?? context.signal;
  // An injected or in-memory stream does not watch our signal the way fetch's body does: cancel it ourselves.
  const onAbort = (): void => {
    reader.cancel().catch(() => {});
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  let total = 0;
  const done = (): undefined => {
    signal?.removeEventListener('abort', onAbort);
    context.deadline?.release();
  };
  const fail = (error: unknown): never => {
    onAbort();
    done();
    throw readFailure(error, response, context);
  };
  return {
    async next(): Promise<Uint8Array | undefined> {
      if (oversize) fail(tooLarge());
      const chunk = await reader.read().catch(fail);
      if (signal?.aborted) fail(signal.reason);
      if (chunk.done) return done();
      total += chunk.value.byteLength;
      if (total > maxBodyBytes) fail(tooLarge());
      return chunk.value;
    },
    cancel(reason?: unknown): Promise<void> {
      done();
      return reader.cancel(reason);
    },
  };
}

/** The whole body, capped (see cappedReader), under the context's deadline and signal. */
export async function readBodyBytes(response: Response, context: ReadBodyContext): Promise<Uint8Array> {
  const body = response.body;
  if (body === null || response.bodyUsed) {
    context.deadline?.release();
    if (body === null) return new Uint8Array(0);
    throw new InvalidResponseError({ ...bodyErrorDetails(response, context), reason: 'body-used' });
  }
  const reader = cappedReader(response, body, context);
  const chunks: Uint8Array[] = [];
  for (let chunk = await reader.next(); chunk !== undefined; chunk = await reader.next()) chunks.push(chunk);
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The response with its body capped and watched (see cappedReader), for a caller that reads it itself. */
export function cappedResponse(response: Response, context: ReadBodyContext): Response {
  const body = response.body;
  if (body === null || response.bodyUsed) {
    context.deadline?.release();
    return response;
  }
  const reader = cappedReader(response, body, context);
  const pull = (controller: ReadableStreamDefaultController<Uint8Array>) =>
    reader.next().then(
      (chunk) => (chunk === undefined ? controller.close() : controller.enqueue(chunk)),
      (error: unknown) => controller.error(error),
    );
  const stream = new ReadableStream<Uint8Array>({ pull, cancel: (reason) => reader.cancel(reason) });
  const { status, statusText, headers } = response;
  const capped = new Response(stream, { status, statusText, headers });
  // A new Response has no URL; the caller may want the one the answer came from.
  return Object.defineProperty(capped, 'url', { value: response.url });
}
