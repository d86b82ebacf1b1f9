import { AbortedError, type CommerceCollectionsError, ConnectionError, TimeoutError } from './errors';
import type { RateLimiter } from './rate-limit/types';
import { discardBody, type ReadBodyContext, readBodyBytes } from './read-body';
import { secretsOf } from './redact';
import { isRedirect, redirectError } from './redirect';
import { isRetryableStatus, parseRetryAfter } from './retry';
import { AttemptDeadline } from './timeout';
import type { CallPlan, TransportOptions } from './transport';

type AttemptTools = Pick<TransportOptions, 'fetch' | 'requestIdHeader' | 'authenticate'> & {
  limiter?: RateLimiter;
};

/** One attempt's result: a response, or the typed failure it ended with. */
export interface AttemptResult {
  number: number;
  deadline: AttemptDeadline;
  headers: Headers;
  response?: Response;
  failure?: CommerceCollectionsError;
  /** The 2xx body of a bufferBody call. */
  bytes?: Uint8Array;
  requestId?: string;
  retryAfterMs?: number;
}

// A literal, not `{ ...client, more }`: on Node 20 (V8 11.3) that spread costs a microsecond per call.
export function bodyContext(plan: CallPlan, result: AttemptResult): ReadBodyContext {
  const { provider, label } = plan.client;
  const { number: attempts, requestId, deadline } = result;
  const { operation, maxBodyBytes, callerSignal: signal } = plan;
  return { provider, label, operation, attempts, requestId, maxBodyBytes, signal, deadline };
}

/** What a fetch rejection was, decided from the signals rather than the error's shape. */
function fetchFailure(error: unknown, plan: CallPlan, result: AttemptResult): CommerceCollectionsError {
  const base = bodyContext(plan, result);
  if (plan.callerSignal?.aborted) return new AbortedError({ ...base, cause: plan.callerSignal.reason });
  if (result.deadline.signal.aborted) return new TimeoutError({ ...base, timeoutMs: plan.timeoutMs });
  return new ConnectionError({ ...base, cause: error });
}

/** Reads the answer's headers once: Retry-After as a delay, the limiter's update, the request id, redirects. */
function readAnswer(plan: CallPlan, tools: AttemptTools, result: AttemptResult, response: Response): void {
  result.response = response;
  // Retry-After becomes a delay once, here (see parseRetryAfter); the limiter's back-off is capped like ours.
  if (isRetryableStatus(response.status)) {
    result.retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
  }
  const { retryAfterMs } = result;
  tools.limiter?.update?.(response, retryAfterMs && Math.min(retryAfterMs, plan.retry.maxRetryAfterMs));
  const header = tools.requestIdHeader;
  if (header) result.requestId = response.headers.get(header) ?? undefined;
  if (isRedirect(response)) {
    discardBody(response);
    result.deadline.release();
    const base = { ...bodyContext(plan, result), secrets: secretsOf(result.headers) };
    result.failure = redirectError(response, plan.request.url, base); // never followed, never retried
  }
}

/** A bufferBody call's 2xx body, read inside the retry loop so a connection lost mid-body can be retried. */
async function bufferBody(plan: CallPlan, result: AttemptResult, response: Response): Promise<void> {
  try {
    result.bytes = await readBodyBytes(response, bodyContext(plan, result));
  } catch (error) {
    // An abort or an oversize body ends the call; a lost connection or a passed deadline may be retried.
    if (!(error instanceof ConnectionError || error instanceof TimeoutError)) throw error;
    result.failure = error;
  }
}

/** One attempt: deadline, auth, fetch, then the answer's headers (and body, for bufferBody calls). */
export async function attemptOnce(plan: CallPlan, tools: AttemptTools, number: number, refresh: boolean) {
  const deadline = new AttemptDeadline(plan.timeoutMs, plan.callerSignal);
  const { request } = plan;
  const headers = tools.authenticate ? new Headers(request.headers) : request.headers;
  const result: AttemptResult = { number, deadline, headers };
  const unanswered = () => {
    deadline.release();
    tools.limiter?.release?.();
  };
  try {
    if (tools.authenticate) await tools.authenticate(headers, { refresh });
  } catch (error) {
    unanswered();
    throw error; // the caller's own failure (e.g. a token refresh that failed), passed through as is
  }
  // A body is copied per attempt; global fetch gets the Request (no URL re-parse), an injected one its URL.
  const input = request.body !== null ? request.clone() : tools.fetch ? request.url : request;
  const { method, credentials } = request;
  const init: RequestInit = { method, headers, signal: deadline.signal, redirect: 'manual', credentials };
  let response: Response;
  try {
    response = await (tools.fetch ? tools.fetch(input, init) : globalThis.fetch(input, init));
  } catch (error) {
    unanswered();
    result.failure = fetchFailure(error, plan, result);
    return result;
  }
  readAnswer(plan, tools, result, response);
  if (result.failure === undefined && response.ok && plan.bufferBody)
    await bufferBody(plan, result, response);
  return result;
}
