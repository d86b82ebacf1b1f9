import {
  AbortedError,
  type CommerceCollectionsError,
  ConnectionError,
  type ErrorDetails,
  TimeoutError,
} from './errors';
import type { RateLimiter } from './rate-limit/types';
import { discardBody, readBodyBytes } from './read-body';
import { secretsOf } from './redact';
import { isRedirect, redirectError } from './redirect';
import { isRetryableStatus, parseRetryAfter, type ResolvedRetry } from './retry';
import { AttemptDeadline } from './timeout';

/** What stays the same across one call's attempts. */
export interface CallPlan {
  request: Request;
  client: { provider: string; label: string };
  operation: string;
  retry: ResolvedRetry;
  maxRetries: number;
  timeoutMs: number;
  /** The caller's signal: the call's own; for a call that names none (`raw`), the request's. */
  callerSignal: AbortSignal | undefined;
  bufferBody: boolean;
  maxBodyBytes: number;
}

/** What one attempt's collaborators are: the transport's options, resolved. */
export interface AttemptTools {
  fetch: typeof globalThis.fetch | undefined;
  limiter: RateLimiter | undefined;
  requestIdHeader: string | undefined;
  authenticate: ((headers: Headers, context: { refresh: boolean }) => void | Promise<void>) | undefined;
}

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

export function details(plan: CallPlan, result: AttemptResult): ErrorDetails {
  return { ...plan.client, operation: plan.operation, attempts: result.number, requestId: result.requestId };
}

/** The attempt's request: no Request is built here (fetch builds one), and redirects come back to us. */
function attemptInit(request: Request, headers: Headers, signal: AbortSignal): [RequestInfo, RequestInit] {
  // A body can be sent once: the original stays untouched and each attempt sends a copy.
  const input = request.body === null ? request.url : request.clone();
  // `credentials` travels (a browser's cookies); openapi-fetch's other init fields keep fetch's defaults.
  const init: RequestInit = { method: request.method, headers, signal, redirect: 'manual' };
  init.credentials = request.credentials;
  return [input, init];
}

/** Everything a fetch rejection can be, decided from the signals rather than the error's shape. */
function fetchFailure(error: unknown, plan: CallPlan, result: AttemptResult): CommerceCollectionsError {
  const base = details(plan, result);
  if (plan.callerSignal?.aborted) return new AbortedError({ ...base, cause: plan.callerSignal.reason });
  if (result.deadline.signal.aborted) return new TimeoutError({ ...base, timeoutMs: plan.timeoutMs });
  return new ConnectionError({ ...base, cause: error });
}

/** Reads the answer's headers once: Retry-After as a delay, the limiter's update, the request id, redirects. */
function readAnswer(plan: CallPlan, tools: AttemptTools, result: AttemptResult, response: Response): void {
  result.response = response;
  // Retry-After becomes a delay here, as the answer arrives, once (see parseRetryAfter): the limiter and the
  // retry wait only ever get that delay. The limiter's back-off is capped like our own wait.
  const retryAfterMs = isRetryableStatus(response.status)
    ? parseRetryAfter(response.headers.get('retry-after'))
    : undefined;
  result.retryAfterMs = retryAfterMs;
  const cappedMs =
    retryAfterMs === undefined ? undefined : Math.min(retryAfterMs, plan.retry.maxRetryAfterMs);
  tools.limiter?.update?.(response, cappedMs);
  const header = tools.requestIdHeader;
  result.requestId = header ? (response.headers.get(header) ?? undefined) : undefined;
  if (isRedirect(response)) {
    discardBody(response);
    result.deadline.release();
    const base = { ...details(plan, result), secrets: secretsOf(result.headers) };
    result.failure = redirectError(response, plan.request.url, base); // never followed, never retried
  }
}

/** A bufferBody call's 2xx body, read inside the retry loop so a connection lost mid-body can be retried. */
async function bufferBody(plan: CallPlan, result: AttemptResult, response: Response): Promise<void> {
  try {
    result.bytes = await readBodyBytes(response, {
      ...details(plan, result),
      maxBodyBytes: plan.maxBodyBytes,
      signal: plan.callerSignal,
      deadline: result.deadline,
    });
  } catch (error) {
    // An abort or an oversize body ends the call; a lost connection or a passed deadline may be retried.
    if (!(error instanceof ConnectionError || error instanceof TimeoutError)) throw error;
    result.failure = error;
  }
}

/** One attempt: deadline, auth, fetch, then the answer's headers (and body, for bufferBody calls). */
export async function attemptOnce(
  plan: CallPlan,
  tools: AttemptTools,
  number: number,
  refresh: boolean,
): Promise<AttemptResult> {
  const deadline = new AttemptDeadline(plan.timeoutMs, plan.callerSignal);
  const request = plan.request;
  const headers = tools.authenticate ? new Headers(request.headers) : request.headers;
  const result: AttemptResult = { number, deadline, headers };
  if (tools.authenticate) {
    try {
      await tools.authenticate(headers, { refresh });
    } catch (error) {
      deadline.release();
      tools.limiter?.release?.();
      throw error; // the caller's own failure (e.g. a token refresh that failed), passed through as is
    }
  }
  const [input, init] = attemptInit(request, headers, deadline.signal);
  let response: Response;
  try {
    response = await (tools.fetch ? tools.fetch(input, init) : globalThis.fetch(input, init));
  } catch (error) {
    deadline.release();
    tools.limiter?.release?.();
    result.failure = fetchFailure(error, plan, result);
    return result;
  }
  readAnswer(plan, tools, result, response);
  if (result.failure === undefined && response.ok && plan.bufferBody) {
    await bufferBody(plan, result, response);
  }
  return result;
}
