import { type AttemptResult, attemptOnce, bodyContext } from './attempt';
import { type AttemptEvent, createReporter } from './attempt-report';
import type { SharedClientOptions } from './client-options';
import { MAX_TIMER_MS } from './clock';
import { AbortedError, apiErrorName, type ErrorDetails, RedirectError } from './errors';
import { httpError } from './http-error';
import type { RateLimiter } from './rate-limit/types';
import { cappedResponse, DEFAULT_MAX_BODY_BYTES, discardBody } from './read-body';
import type { Delivery } from './read-json';
import { redactUrl, secretsOf } from './redact';
import { backoffDelay, isRetryableStatus, type RetryOptions, resolveRetry } from './retry';
import { sleep as defaultSleep } from './sleep';
import { DEFAULT_TIMEOUT_MS } from './timeout';
import { validateInteger } from './validation';

/** `provider` and `label`: the client's id and name, as on its errors, events and logs. */
export interface TransportOptions extends SharedClientOptions, Pick<ErrorDetails, 'provider' | 'label'> {
  rateLimiter?: RateLimiter | false;
  /** Response header carrying the request id, e.g. 'request-id'. */
  requestIdHeader?: string;
  /** Error body → messages. Default: `message`, `errors` or `error` fields, else the status text. */
  extractMessages?: (body: unknown) => string[];
  /** Sets auth headers on each attempt's request; called again with { refresh: true } after a 401. */
  authenticate?: (headers: Headers, context: { refresh: boolean }) => void | Promise<void>;
  random?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface CallOptions {
  /** Named in errors, events and logs, e.g. 'listCollections'. */
  operation: string;
  /** Without the key, the request's own signal (a `raw` call's); with it, even undefined, this one. */
  signal?: AbortSignal;
  timeoutMs?: number;
  retry?: RetryOptions | false;
  /** true: a non-2xx status (after retries) throws its ApiError; false: it is returned. */
  throwHttpErrors?: boolean;
  /** true: a 2xx body is read (capped) inside the retry loop, so a failure mid-body is retried. */
  bufferBody?: boolean;
}

/** openapi-fetch's `fetch` option: called with the Request it built. */
export type RequestFetch = (request: Request) => Promise<Response>;

/** The wait before the next attempt, or undefined when this attempt's outcome is final. */
function retryDelay(plan: CallPlan, result: AttemptResult, retries: number, random: () => number) {
  const { failure, response, retryAfterMs } = result;
  if (retries >= plan.maxRetries) return undefined;
  const backoff = () => backoffDelay(plan.retry, retries, random);
  if (failure !== undefined)
    return failure instanceof AbortedError || failure instanceof RedirectError ? undefined : backoff();
  if (response === undefined || response.ok || !isRetryableStatus(response.status)) return undefined;
  // Past the cap, waiting is pointless: fail at once and say how long the server asked for.
  return (retryAfterMs ?? 0) > plan.retry.maxRetryAfterMs ? undefined : (retryAfterMs ?? backoff());
}

function resolveState(options: TransportOptions) {
  const client = { provider: options.provider, label: options.label ?? options.provider };
  const setup = { operation: 'createClient', ...client };
  const { timeoutMs = DEFAULT_TIMEOUT_MS, maxBodyBytes = DEFAULT_MAX_BODY_BYTES } = options;
  return {
    ...options,
    client,
    defaultRetry: resolveRetry(options.retry, setup),
    defaultTimeoutMs: validateInteger(timeoutMs, 'timeoutMs', 1, MAX_TIMER_MS, setup),
    maxBodyBytes: validateInteger(maxBodyBytes, 'maxBodyBytes', 1, undefined, setup),
    limiter: options.rateLimiter || undefined,
    reporter: createReporter({ ...options, label: client.label }),
    random: options.random ?? Math.random,
    sleep: options.sleep ?? defaultSleep,
  };
}
type TransportState = ReturnType<typeof resolveState>;

/** What stays the same across one call's attempts. */
export type CallPlan = ReturnType<typeof planCall>;

function planCall(state: TransportState, request: Request, call: CallOptions) {
  const { client, maxBodyBytes } = state;
  const { operation } = call;
  const context = { operation, ...client }; // spread last: see bodyContext
  const retry = call.retry === undefined ? state.defaultRetry : resolveRetry(call.retry, context);
  const timeoutMs = call.timeoutMs ?? state.defaultTimeoutMs;
  validateInteger(timeoutMs, 'timeoutMs', 1, MAX_TIMER_MS, context);
  const maxRetries = request.method === 'GET' ? retry.maxRetries : 0;
  // A typed call always carries `signal`: openapi-fetch got none, so the Request's own can never abort.
  const callerSignal = 'signal' in call ? call.signal : request.signal;
  const bufferBody = call.bufferBody === true;
  return { request, client, operation, retry, maxRetries, timeoutMs, callerSignal, bufferBody, maxBodyBytes };
}

/** Waits for the rate limiter or a back-off; an abort (before or while waiting) is the caller's AbortedError. */
async function waitUnlessAborted<T>(plan: CallPlan, attempts: number, wait: () => T | Promise<T>) {
  const { callerSignal, client, operation } = plan;
  const aborted = () => new AbortedError({ ...client, operation, attempts, cause: callerSignal?.reason });
  if (callerSignal?.aborted) throw aborted();
  try {
    return await wait();
  } catch (error) {
    throw callerSignal?.aborted ? aborted() : error;
  }
}

type Timing = { started: number; waitMs: number; retryInMs: number | undefined };

function report(state: TransportState, plan: CallPlan, result: AttemptResult, timing: Timing): void {
  const { response, failure, requestId } = result;
  const event: AttemptEvent = {
    provider: state.client.provider,
    operation: plan.operation,
    method: plan.request.method,
    url: redactUrl(plan.request.url),
    attempt: result.number,
    durationMs: performance.now() - timing.started,
    rateLimitWaitMs: timing.waitMs,
  };
  if (response !== undefined) event.status = response.status;
  if (failure !== undefined) event.error = failure.name;
  else if (response !== undefined && !response.ok) event.error = apiErrorName(response.status);
  if (timing.retryInMs !== undefined) event.retryInMs = timing.retryInMs;
  if (requestId !== undefined) event.requestId = requestId;
  state.reporter.report(event, result.headers);
}

/** The attempt is final: its failure, its ApiError, or what it delivers. */
async function finish(state: TransportState, plan: CallPlan, result: AttemptResult, call: CallOptions) {
  const { response, failure, requestId, retryAfterMs, bytes, number: attempts, headers } = result;
  if (failure !== undefined || response === undefined) throw failure;
  if (!response.ok && call.throwHttpErrors) {
    const secrets = secretsOf(headers); // only on error paths: it walks every header
    const { extractMessages } = state;
    throw await httpError(response, { ...bodyContext(plan, result), retryAfterMs, extractMessages, secrets });
  }
  const delivered = bytes === undefined ? cappedResponse(response, bodyContext(plan, result)) : response;
  return { response: delivered, bytes, requestId, attempts, requestHeaders: headers };
}

/** Take a slot, make one attempt, classify it, report it; then wait and go again, or finish. */
async function send(state: TransportState, request: Request, call: CallOptions): Promise<Delivery> {
  const plan = planCall(state, request, call);
  const { callerSignal } = plan;
  let refresh = false;
  for (let number = 1; ; number++) {
    const waitMs = await waitUnlessAborted(plan, number - 1, () => state.limiter?.acquire(callerSignal) ?? 0);
    const started = state.reporter.observed ? performance.now() : 0;
    const result = await attemptOnce(plan, state, number, refresh);
    // Vendor advice: after a 401, refresh the token once and try again, whatever the method (it was refused).
    const refreshNow: boolean =
      result.response?.status === 401 && state.authenticate !== undefined && !refresh;
    const retries = number - 1 - Number(refresh); // a token refresh is not a retry
    const retryInMs = refreshNow ? 0 : retryDelay(plan, result, retries, state.random);
    if (state.reporter.observed) report(state, plan, result, { started, waitMs, retryInMs });
    if (retryInMs === undefined) return finish(state, plan, result, call);
    if (result.response) discardBody(result.response); // frees the connection for the next attempt
    result.deadline.release();
    refresh ||= refreshNow;
    if (retryInMs > 0) await waitUnlessAborted(plan, number, () => state.sleep(retryInMs, callerSignal));
  }
}

export type Transport = ReturnType<typeof createTransport>;

export function createTransport(options: TransportOptions) {
  const state = resolveState(options);
  return {
    /** Sends `request` (only GET is retried): rate limit, auth, per-attempt timeout, retries, hooks, logs. */
    send: (request: Request, call: CallOptions): Promise<Delivery> => send(state, request, call),
    /** For calls that read the answer themselves (`raw`): any status returned, body capped. */
    fetch: async (request: Request) => (await send(state, request, { operation: 'raw' })).response,
  };
}
