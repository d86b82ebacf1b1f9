import { MAX_TIMER_MS } from './clock';
import {
  AbortedError,
  apiErrorName,
  type CommerceCollectionsError,
  ConnectionError,
  TimeoutError,
} from './errors';
import { httpError } from './http-error';
import { consoleLogger, type Logger, type LogLevel, levelEnabled } from './logging';
import { PendingRequest } from './pending-request';
import { type Provider, providerName } from './provider';
import type { RateLimiter } from './rate-limit/types';
import { DEFAULT_MAX_BODY_BYTES, discardBody, readBodyBytes } from './read-body';
import { redactHeaders, redactUrl, secretsOf } from './redact';
import { isRedirect, redirectError } from './redirect';
import { type ResponseContext, setResponseContext } from './response-context';
import {
  backoffDelay,
  DEFAULT_RETRY,
  isRetryableStatus,
  NO_RETRY,
  parseRetryAfter,
  type ResolvedRetry,
  type RetryOptions,
} from './retry';
import { sleep as defaultSleep } from './sleep';
import { AttemptDeadline, DEFAULT_TIMEOUT_MS, SharedDeadlines } from './timeout';
import { validateInteger } from './validation';

/** One HTTP attempt, reported to `hooks.onAttempt` (and logged at debug level). */
export interface AttemptEvent {
  provider: Provider;
  operation: string;
  method: string;
  /** The request URL without userinfo or credential query parameters. */
  url: string;
  /** 1-based. */
  attempt: number;
  status?: number;
  /** From sending the request to the response headers (or the failure). */
  durationMs: number;
  /** Time spent waiting for the rate limiter before this attempt. */
  rateLimitWaitMs: number;
  /** Name of the error class this attempt's outcome maps to, e.g. 'ServerError', 'TimeoutError'. */
  error?: string;
  /** Set when another attempt follows, after this many milliseconds. */
  retryInMs?: number;
  requestId?: string;
}

export interface Hooks {
  onAttempt?(event: AttemptEvent): void;
}

export interface TransportOptions {
  provider: Provider;
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
  /** Response header carrying the request id, e.g. 'request-id' (Shoplazza). */
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
  /**
   * true: a non-2xx status (after retries) throws the matching ApiError subclass. false (default): the
   * Response is returned, for openapi-fetch to handle.
   */
  throwHttpErrors?: boolean;
  /**
   * true: a 2xx body is read (with the size cap) inside the retry loop, so a connection lost or a deadline
   * passed mid-body is retried like any network failure; readJsonBody then uses those bytes. Typed calls set it.
   */
  bufferBody?: boolean;
}

export interface Transport {
  /** Sends `request` (GET only is retried), applying rate limit, auth, per-attempt timeout, retries, hooks, logs. */
  send(request: Request | PendingRequest, call: CallOptions): Promise<Response>;
  /** A fetch-compatible function bound to call options, to pass as openapi-fetch's per-call `fetch` option. */
  bind(call: CallOptions): (input: Request) => Promise<Response>;
}

export { attemptsOf } from './response-context';

function resolveRetry(
  retry: RetryOptions | false | undefined,
  context: { provider: Provider; operation: string },
): ResolvedRetry {
  if (retry === false) return NO_RETRY;
  if (retry === undefined) return DEFAULT_RETRY;
  const resolved = { ...DEFAULT_RETRY, ...retry };
  validateInteger(resolved.maxRetries, 'retry.maxRetries', 0, 10, context);
  validateInteger(resolved.baseDelayMs, 'retry.baseDelayMs', 0, MAX_TIMER_MS, context);
  validateInteger(resolved.maxDelayMs, 'retry.maxDelayMs', 0, MAX_TIMER_MS, context);
  validateInteger(resolved.maxRetryAfterMs, 'retry.maxRetryAfterMs', 0, MAX_TIMER_MS, context);
  return resolved;
}

/** Everything one attempt's failure can be, decided from the signals rather than the error's shape. */
function fetchFailure(
  error: unknown,
  callerSignal: AbortSignal | undefined,
  signal: AbortSignal,
  base: { provider: Provider; operation: string; attempts: number },
  timeoutMs: number,
): CommerceCollectionsError {
  if (callerSignal?.aborted) return new AbortedError({ ...base, cause: callerSignal.reason });
  if (signal.aborted) return new TimeoutError({ ...base, timeoutMs });
  return new ConnectionError({ ...base, cause: error });
}

export function createTransport(options: TransportOptions): Transport {
  const provider = options.provider;
  const setup = { provider, operation: 'createClient' };
  const defaultRetry = resolveRetry(options.retry, setup);
  const defaultTimeoutMs =
    options.timeoutMs === undefined
      ? DEFAULT_TIMEOUT_MS
      : validateInteger(options.timeoutMs, 'timeoutMs', 1, MAX_TIMER_MS, setup);
  const maxBodyBytes =
    options.maxBodyBytes === undefined
      ? DEFAULT_MAX_BODY_BYTES
      : validateInteger(options.maxBodyBytes, 'maxBodyBytes', 1, undefined, setup);
  // Attempts at the default timeout share deadlines (see SharedDeadlines); a per-call timeout gets its own.
  const deadlines = new SharedDeadlines(defaultTimeoutMs);
  const limiter = options.rateLimiter || undefined;
  const level: LogLevel = options.logLevel ?? (options.logger ? 'debug' : 'silent');
  const logger = level === 'silent' ? undefined : (options.logger ?? consoleLogger(level));
  const logDebug = logger !== undefined && levelEnabled(level, 'debug');
  const logWarn = logger !== undefined && levelEnabled(level, 'warn');
  const onAttempt = options.hooks?.onAttempt;
  // Timing, URL redaction and event objects cost something: only pay when someone listens.
  const observed = onAttempt !== undefined || logDebug || logWarn;
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? defaultSleep;
  const requestIdHeader = options.requestIdHeader;
  const authenticate = options.authenticate;
  const name = providerName(provider);

  function report(event: AttemptEvent, headers: Headers): void {
    if (logDebug) {
      const outcome = event.status === undefined ? event.error : String(event.status);
      logger?.debug(`${name} ${event.operation} attempt ${event.attempt}: ${outcome}`, {
        ...event,
        headers: redactHeaders(headers),
      });
    }
    if (logWarn && event.retryInMs !== undefined) {
      logger?.warn(
        `${name} ${event.operation} attempt ${event.attempt} failed; retrying in ${event.retryInMs} ms`,
        {
          ...event,
        },
      );
    }
    if (onAttempt) {
      try {
        onAttempt(event);
      } catch (error) {
        // A broken hook must not break the call it observes.
        if (logWarn) logger?.warn(`onAttempt hook threw: ${(error as Error)?.message ?? String(error)}`);
      }
    }
  }

  async function pause(ms: number, signal: AbortSignal | undefined, operation: string, attempts: number) {
    if (ms <= 0) return;
    try {
      await sleep(ms, signal);
    } catch (error) {
      if (signal?.aborted) throw new AbortedError({ provider, operation, attempts, cause: signal.reason });
      throw error;
    }
  }

  /**
   * What one attempt sends, with the headers to authenticate. A PendingRequest (typed calls, see
   * pending-request.ts) is sent as `fetch(url, { ...init, signal })`, to the global fetch and to an injected one
   * alike: no Request is built here, so fetch builds the only one (an injected double that needs none builds
   * none). Its body, if any, is a string that can be resent. A real Request (`raw` calls: openapi-fetch's
   * middleware saw it) goes to the global fetch as `(request, { signal, redirect })`; an injected fetch gets a
   * copy carrying the attempt's signal. Either way `redirect` is 'manual': a 3xx comes back to us (isRedirect)
   * instead of taking the credentials to whatever host it names. In Node a Request costs ≈5 µs from a URL and
   * ≈20 µs more when it follows a signal (or another Request); see packages/bench, B1/B2.
   */
  function prepareAttempt(
    request: Request | PendingRequest,
    hasBody: boolean,
    signal: AbortSignal,
  ): { headers: Headers; fetch: () => Promise<Response> } {
    const injected = options.fetch;
    if (request instanceof PendingRequest) {
      const headers = request.headers;
      const init: RequestInit = { ...request.init, headers, signal, redirect: 'manual' };
      const url = request.url;
      return {
        headers,
        fetch: () => (injected !== undefined ? injected(url, init) : globalThis.fetch(url, init)),
      };
    }
    if (injected !== undefined) {
      const built = new Request(hasBody ? request.clone() : request, { signal, redirect: 'manual' });
      return { headers: built.headers, fetch: () => injected(built) };
    }
    const input = hasBody ? request.clone() : request;
    return {
      headers: input.headers,
      fetch: () => globalThis.fetch(input, { signal, redirect: 'manual' }),
    };
  }

  async function send(request: Request | PendingRequest, call: CallOptions): Promise<Response> {
    const operation = call.operation;
    const retry = call.retry === undefined ? defaultRetry : resolveRetry(call.retry, { provider, operation });
    const timeoutMs =
      call.timeoutMs === undefined
        ? defaultTimeoutMs
        : validateInteger(call.timeoutMs, 'timeoutMs', 1, MAX_TIMER_MS, { provider, operation });
    // The attempt's signal replaces the request's own, so honour that one when no call signal is given
    // (openapi-fetch puts the caller's `signal` option on the Request or PendingRequest it builds).
    const callerSignal = call.signal ?? request.signal;
    const maxRetries = request.method === 'GET' ? retry.maxRetries : 0;
    // A body can be sent once: keep the original untouched and send a clone per attempt.
    const hasBody = !(request instanceof PendingRequest) && request.body !== null;
    const url = observed ? redactUrl(request.url) : '';
    let attempt = 0;
    let retries = 0;
    let refresh = false;

    for (;;) {
      attempt++;
      if (callerSignal?.aborted) {
        throw new AbortedError({ provider, operation, attempts: attempt - 1, cause: callerSignal.reason });
      }
      let rateLimitWaitMs = 0;
      if (limiter) {
        try {
          rateLimitWaitMs = await limiter.acquire(callerSignal);
        } catch (error) {
          if (callerSignal?.aborted) {
            throw new AbortedError({
              provider,
              operation,
              attempts: attempt - 1,
              cause: callerSignal.reason,
            });
          }
          throw error;
        }
      }

      const deadline =
        call.timeoutMs === undefined
          ? deadlines.start(callerSignal)
          : new AttemptDeadline(timeoutMs, callerSignal);
      const signal = deadline.signal;
      const attemptRequest = prepareAttempt(request, hasBody, signal);
      const headers = attemptRequest.headers;
      if (authenticate) {
        try {
          await authenticate(headers, { refresh });
        } catch (error) {
          deadline.release();
          limiter?.release?.();
          throw error; // the caller's own failure (e.g. a token refresh that failed), passed through as is
        }
      }
      const started = observed ? performance.now() : 0;

      let response: Response;
      try {
        response = await attemptRequest.fetch();
      } catch (error) {
        const failure = fetchFailure(
          error,
          callerSignal,
          signal,
          { provider, operation, attempts: attempt },
          timeoutMs,
        );
        deadline.release();
        limiter?.release?.();
        const retryInMs =
          retries < maxRetries && !(failure instanceof AbortedError)
            ? backoffDelay(retry, retries, random)
            : undefined;
        if (observed) {
          const event: AttemptEvent = {
            provider,
            operation,
            method: request.method,
            url,
            attempt,
            durationMs: performance.now() - started,
            rateLimitWaitMs,
            error: failure.name,
          };
          if (retryInMs !== undefined) event.retryInMs = retryInMs;
          report(event, headers);
        }
        if (retryInMs === undefined) throw failure;
        await pause(retryInMs, callerSignal, operation, attempt);
        retries++;
        continue;
      }

      const status = response.status;
      // Retry-After becomes a delay here, as the answer arrives, once (see parseRetryAfter): the limiter and the
      // wait below only ever get that delay. The limiter's back-off is capped like our own wait.
      const retryAfterMs = isRetryableStatus(status)
        ? parseRetryAfter(response.headers.get('retry-after'))
        : undefined;
      limiter?.update?.(
        response,
        retryAfterMs === undefined ? undefined : Math.min(retryAfterMs, retry.maxRetryAfterMs),
      );
      const requestId = requestIdHeader ? (response.headers.get(requestIdHeader) ?? undefined) : undefined;
      if (isRedirect(response)) {
        discardBody(response);
        deadline.release();
        const base = { provider, operation, attempts: attempt, requestId, secrets: secretsOf(headers) };
        const failure = redirectError(response, request.url, base);
        if (observed) {
          const event: AttemptEvent = {
            provider,
            operation,
            method: request.method,
            url,
            attempt,
            status,
            durationMs: performance.now() - started,
            rateLimitWaitMs,
            error: failure.name,
          };
          if (requestId !== undefined) event.requestId = requestId;
          report(event, headers);
        }
        throw failure; // never retried, never followed: the target is not the API
      }

      // The deadline stays armed while the body is read (here for bufferBody calls, otherwise by the caller
      // through readJsonBody or our error path, which release it; else it releases itself when it fires).
      const context: ResponseContext = {
        attempts: attempt,
        deadline,
        callerSignal,
        requestId,
        requestIdHeader,
        requestHeaders: attemptRequest.headers,
        bytes: undefined,
      };
      setResponseContext(response, context);
      let bodyFailure: CommerceCollectionsError | undefined;
      if (response.ok && call.bufferBody) {
        try {
          context.bytes = await readBodyBytes(response, { provider, operation, maxBodyBytes });
        } catch (error) {
          // An abort or an oversize body ends the call; a lost connection or a passed deadline may be retried.
          if (!(error instanceof ConnectionError || error instanceof TimeoutError)) throw error;
          bodyFailure = error;
        }
      }

      let retryInMs: number | undefined;
      if (bodyFailure !== undefined) {
        if (retries < maxRetries) retryInMs = backoffDelay(retry, retries, random);
      } else if (!response.ok) {
        if (status === 401 && authenticate && !refresh) {
          // Vendor advice: refresh the token once and try again, whatever the method (the request was refused).
          refresh = true;
          retryInMs = 0;
        } else if (isRetryableStatus(status)) {
          // Past the cap, waiting is pointless: fail at once and say how long the server asked for.
          if (retries < maxRetries && (retryAfterMs === undefined || retryAfterMs <= retry.maxRetryAfterMs)) {
            retryInMs = retryAfterMs ?? backoffDelay(retry, retries, random);
          }
        }
      }

      if (observed) {
        const event: AttemptEvent = {
          provider,
          operation,
          method: request.method,
          url,
          attempt,
          status,
          durationMs: performance.now() - started,
          rateLimitWaitMs,
        };
        if (bodyFailure !== undefined) event.error = bodyFailure.name;
        else if (!response.ok) event.error = apiErrorName(status);
        if (retryInMs !== undefined) event.retryInMs = retryInMs;
        if (requestId !== undefined) event.requestId = requestId;
        report(event, headers);
      }

      if (retryInMs !== undefined) {
        discardBody(response); // frees the connection for the next attempt (and releases the deadline)
        deadline.release();
        if (retryInMs > 0) await pause(retryInMs, callerSignal, operation, attempt);
        if (status !== 401) retries++;
        continue;
      }

      if (bodyFailure !== undefined) throw bodyFailure;
      if (response.ok || !call.throwHttpErrors) return response;
      throw await httpError(response, {
        provider,
        operation,
        attempts: attempt,
        requestId,
        retryAfterMs,
        maxBodyBytes,
        extractMessages: options.extractMessages,
        secrets: secretsOf(headers),
      });
    }
  }

  return {
    send,
    bind(call: CallOptions) {
      return (input: Request) => send(input, call);
    },
  };
}
