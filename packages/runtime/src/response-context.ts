import type { Deadline } from './timeout';

/** What the transport knows about a Response it returned, for the code that reads its body later. */
export interface ResponseContext {
  attempts: number;
  /** The attempt's deadline (its signal also follows the caller's): body reads stay under it. */
  deadline: Deadline;
  callerSignal: AbortSignal | undefined;
  requestId: string | undefined;
  /** The header `requestId` was read from (the transport's `requestIdHeader`). */
  requestIdHeader?: string | undefined;
  /** The headers the attempt was sent with, so an error built later can scrub credentials a server echoes. */
  requestHeaders?: Headers;
  /** A typed call's 2xx body, already read inside the transport's retry loop (see CallOptions.bufferBody). */
  bytes?: Uint8Array;
}

const contexts = new WeakMap<Response, ResponseContext>();

export function setResponseContext(response: Response, context: ResponseContext): void {
  contexts.set(response, context);
}

export function responseContext(response: Response): ResponseContext | undefined {
  return contexts.get(response);
}

/** HTTP attempts the transport made to obtain `response` (1 if it did not come from a transport). */
export function attemptsOf(response: Response): number {
  return contexts.get(response)?.attempts ?? 1;
}

/** The body has been read (or given up on): stop the response's deadline timer and caller-signal listener. */
export function releaseResponse(response: Response): void {
  contexts.get(response)?.deadline.release();
}

/** The body bytes the transport already read for `response`, handed over once. */
export function takeResponseBytes(response: Response): Uint8Array | undefined {
  const context = contexts.get(response);
  const bytes = context?.bytes;
  if (context && bytes) context.bytes = undefined;
  return bytes;
}
