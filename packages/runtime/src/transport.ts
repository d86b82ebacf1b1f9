import { type AttemptResult, type AttemptTools, attemptOnce, type CallPlan, details } from './attempt';
import { type AttemptEvent, createReporter, type Hooks } from './attempt-report';
import { MAX_TIMER_MS } from './clock';
import { AbortedError, apiErrorName, RedirectError } from './errors';
import { httpError } from './http-error';
import type { Logger, LogLevel } from './logging';
import type { RateLimiter } from './rate-limit/types';
import { cappedResponse, DEFAULT_MAX_BODY_BYTES, discardBody } from './read-body';
import type { Delivery } from './read-json';
import { redactUrl, secretsOf } from './redact';
import { type RequestOptions, toCallOptions } from './request-options';
import {
  backoffDelay,
  DEFAULT_RETRY,
  isRetryableStatus,
  NO_RETRY,
  type ResolvedRetry,
  type RetryOptions,
} from './retry';
import { sleep as defaultSleep } from './sleep';
import { DEFAULT_TIMEOUT_MS } from './timeout';
import { type ValidationContext, validateInteger } from './validation';

export interface TransportOptions {
  /** The client's id, kept on its errors and events (e.g. 'acme'). */
  provider: string;
  /** The client's name in messages and logs (e.g. 'Acme'). Default: `provider`. */
  label?: string;
  /** Default: globalThis.fetch, looked up at call time (so it can be patched or polyfilled later). */
  fetch?: typeof globalThis.fetch;
  /** Default { maxRetries: 2, baseDelayMs: 500, maxDelayMs: 8000, maxRetryAfterMs: 60000 }; false: no retries. */
  retry?: RetryOptions | false;
  /** Per attempt, body included. Default 30_000. */
  timeoutMs?: number;
  /** Shared by all concurrent calls through this transport. */
  rateLimiter?: RateLimiter | false;
  logger?: Logger;
  /** Default 'silent'; when only `logger` is given, 'debug' (the logger filters for itself). */
  logLevel?: LogLevel;
  hooks?: Hooks;
  /** Default 10 MiB. */
  maxBodyBytes?: number;
  /** Response header carrying the request id, e.g. 'request-id'. */
  requestIdHeader?: string;
  /** Error body → messages. Default: `message`, `errors` or `error` fields, else the status text. */
  extractMessages?: (body: unknown) => string[];
  /** Sets auth headers on each attempt's request; called again with { refresh: true } after a 401. */
  authenticate?: (headers: Headers, context: { refresh: boolean }) => void | Promise<void>;
  /** Jitter source. Default Math.random. */
  random?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface CallOptions {
  /** Named in errors, events and logs, e.g. 'listCollections'. */
  operation: string;
  /** The caller's signal. Default: the request's own signal. */
  signal?: AbortSignal;
  timeoutMs?: number;
  retry?: RetryOptions | false;
  /** true: a non-2xx status (after retries) throws the matching ApiError subclass; false: it is returned. */
  throwHttpErrors?: boolean;
  /**
   * true: a 2xx body is read (with the size cap) inside the retry loop, so a connection lost or a deadline
   * passed mid-body is retried like any network failure; the delivery carries the bytes. Otherwise the delivered
   * response's body is capped and stays under the attempt's deadline while the caller reads it.
   */
  bufferBody?: boolean;
}

/** openapi-fetch's `fetch` option: called with the Request it built. */
export type RequestFetch = (request: Request) => Promise<Response>;

export interface Transport {
  /** Sends `request` (only GET is retried): rate limit, auth, per-attempt timeout, retries, hooks, logs. */
  send(request: Request, call: CallOptions): Promise<Delivery>;
  /**
   * A typed call: `run` gets a fetch for openapi-fetch's `fetch` option (a non-2xx throws its ApiError, the 2xx
   * body is read with the cap inside the retry loop); resolves with what the transport delivered.
   */
  request(
    operation: string,
    options: RequestOptions | undefined,
    run: (fetch: RequestFetch) => Promise<unknown>,
  ): Promise<Delivery>;
  /** For openapi-fetch's `fetch` option of calls that read the answer themselves (`raw`): any status returned, body capped. */
  fetch: RequestFetch;
}

function resolveRetry(retry: RetryOptions | false | undefined, context: ValidationContext): ResolvedRetry {
  if (retry === false) return NO_RETRY;
  if (retry === undefined) return DEFAULT_RETRY;
  const resolved = { ...DEFAULT_RETRY, ...retry };
  validateInteger(resolved.maxRetries, 'retry.maxRetries', 0, 10, context);
  validateInteger(resolved.baseDelayMs, 'retry.baseDelayMs', 0, MAX_TIMER_MS, context);
  validateInteger(resolved.maxDelayMs, 'retry.maxDelayMs', 0, MAX_TIMER_MS, context);
  validateInteger(resolved.maxRetryAfterMs, 'retry.maxRetryAfterMs', 0, MAX_TIMER_MS, context);
  return resolved;
}

function resolveTimeout(timeoutMs: number | undefined, fallback: number, context: ValidationContext): number {
  return timeoutMs === undefined
    ? fallback
    : validateInteger(timeoutMs, 'timeoutMs', 1, MAX_TIMER_MS, context);
}

/** How long to wait before the next attempt, or undefined when this attempt's outcome is final. */
function retryDelay(
  plan: CallPlan,
  result: AttemptResult,
  retries: number,
  random: () => number,
): number | undefined {
  const { failure, response } = result;
  const more = retries < plan.maxRetries;
  if (failure !== undefined) {
    const final = failure instanceof AbortedError || failure instanceof RedirectError;
    return more && !final ? backoffDelay(plan.retry, retries, random) : undefined;
  }
  if (response === undefined || response.ok || !isRetryableStatus(response.status)) return undefined;
  const retryAfterMs = result.retryAfterMs;
  // Past the cap, waiting is pointless: fail at once and say how long the server asked for.
  if (!more || (retryAfterMs !== undefined && retryAfterMs > plan.retry.maxRetryAfterMs)) return undefined;
  return retryAfterMs ?? backoffDelay(plan.retry, retries, random);
}

export function createTransport(options: TransportOptions): Transport {
  const client = { provider: options.provider, label: options.label ?? options.provider };
  const setup = { ...client, operation: 'createClient' };
  const defaultRetry = resolveRetry(options.retry, setup);
  const defaultTimeoutMs = resolveTimeout(options.timeoutMs, DEFAULT_TIMEOUT_MS, setup);
  const maxBodyBytes =
    options.maxBodyBytes === undefined
      ? DEFAULT_MAX_BODY_BYTES
      : validateInteger(options.maxBodyBytes, 'maxBodyBytes', 1, undefined, setup);
  const tools: AttemptTools = {
    fetch: options.fetch,
    limiter: options.rateLimiter || undefined,
    requestIdHeader: options.requestIdHeader,
    authenticate: options.authenticate,
  };
  const reporter = createReporter({ ...options, label: client.label });
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? defaultSleep;

  function plan(request: Request, call: CallOptions): CallPlan {
    const context = { ...client, operation: call.operation };
    const retry = call.retry === undefined ? defaultRetry : resolveRetry(call.retry, context);
    return {
      request,
      client,
      operation: call.operation,
      retry,
      maxRetries: request.method === 'GET' ? retry.maxRetries : 0,
      timeoutMs: resolveTimeout(call.timeoutMs, defaultTimeoutMs, context),
      callerSignal: call.signal ?? request.signal,
      bufferBody: call.bufferBody === true,
      maxBodyBytes,
    };
  }

  /** Waits for the rate limiter; an abort (before or while waiting) is the caller's AbortedError. */
  async function takeSlot(plan: CallPlan, attempts: number): Promise<number> {
    const signal = plan.callerSignal;
    const aborted = () =>
      new AbortedError({ ...client, operation: plan.operation, attempts, cause: signal.reason });
    if (signal.aborted) throw aborted();
    if (!tools.limiter) return 0;
    try {
      return await tools.limiter.acquire(signal);
    } catch (error) {
      throw signal.aborted ? aborted() : error;
    }
  }

  async function wait(ms: number, plan: CallPlan, attempts: number): Promise<void> {
    if (ms <= 0) return;
    try {
      await sleep(ms, plan.callerSignal);
    } catch (error) {
      const signal = plan.callerSignal;
      if (signal.aborted)
        throw new AbortedError({ ...client, operation: plan.operation, attempts, cause: signal.reason });
      throw error;
    }
  }

  function report(
    plan: CallPlan,
    result: AttemptResult,
    started: number,
    waitMs: number,
    retryInMs?: number,
  ) {
    const { response, failure, requestId } = result;
    const event: AttemptEvent = {
      provider: client.provider,
      operation: plan.operation,
      method: plan.request.method,
      url: redactUrl(plan.request.url),
      attempt: result.number,
      durationMs: performance.now() - started,
      rateLimitWaitMs: waitMs,
    };
    if (response !== undefined) event.status = response.status;
    if (failure !== undefined) event.error = failure.name;
    else if (response !== undefined && !response.ok) event.error = apiErrorName(response.status);
    if (retryInMs !== undefined) event.retryInMs = retryInMs;
    if (requestId !== undefined) event.requestId = requestId;
    reporter.report(event, result.headers);
  }

  /** The attempt is final: its failure, its ApiError, or what it delivers. */
  async function finish(plan: CallPlan, result: AttemptResult, throwHttpErrors: boolean): Promise<Delivery> {
    const { response, failure, requestId } = result;
    if (failure !== undefined || response === undefined) throw failure;
    const context = {
      ...details(plan, result),
      attempts: result.number,
      maxBodyBytes,
      deadline: result.deadline,
    };
    const secrets = secretsOf(result.headers);
    if (!response.ok && throwHttpErrors) {
      const extractMessages = options.extractMessages;
      throw await httpError(response, {
        ...context,
        retryAfterMs: result.retryAfterMs,
        extractMessages,
        secrets,
      });
    }
    const attempts = result.number;
    if (result.bytes !== undefined) return { response, bytes: result.bytes, requestId, attempts, secrets };
    return { response: cappedResponse(response, context), requestId, attempts, secrets };
  }

  async function send(request: Request, call: CallOptions): Promise<Delivery> {
    const callPlan = plan(request, call);
    let retries = 0;
    let refresh = false;
    for (let number = 1; ; number++) {
      const waitMs = await takeSlot(callPlan, number - 1);
      const started = reporter.observed ? performance.now() : 0;
      const result = await attemptOnce(callPlan, tools, number, refresh);
      // Vendor advice: after a 401, refresh the token once and try again, whatever the method (it was refused).
      const refreshNow = result.response?.status === 401 && tools.authenticate !== undefined && !refresh;
      const retryInMs = refreshNow ? 0 : retryDelay(callPlan, result, retries, random);
      if (reporter.observed) report(callPlan, result, started, waitMs, retryInMs);
      if (retryInMs === undefined) return finish(callPlan, result, call.throwHttpErrors === true);
      if (result.response) discardBody(result.response); // frees the connection for the next attempt
      result.deadline.release();
      if (refreshNow) refresh = true;
      else retries++;
      await wait(retryInMs, callPlan, number);
    }
  }

  return {
    send,
    async request(operation, requestOptions, run) {
      const call = toCallOptions({ ...client, operation }, requestOptions);
      let delivery: Delivery | undefined;
      await run(async (request) => {
        delivery = await send(request, call);
        return delivery.response;
      });
      if (delivery === undefined) throw new Error(`${operation}: openapi-fetch made no request`);
      return delivery;
    },
    fetch: async (request) => (await send(request, { operation: 'raw' })).response,
  };
}
