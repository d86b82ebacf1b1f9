import type { AttemptDeadline } from './timeout';

/** What the transport knows about a Response it returned, for the code that reads its body later. */
export interface ResponseContext {
  attempts: number;
  /** The attempt's deadline (its signal also follows the caller's): body reads stay under it. */
  deadline: AttemptDeadline;
  callerSignal: AbortSignal | undefined;
  requestId: string | undefined;
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
