import { statusText } from './status-text';

/** What every error of this package knows about the failed call. Never headers, never the token. */
export interface ErrorDetails {
  /** The client's id, e.g. 'acme', and its name in messages, e.g. 'Acme' (default: the id). */
  provider: string;
  label?: string;
  operation: string;
  status?: number;
  requestId?: string;
  body?: unknown;
  messages?: string[];
  attempts?: number;
  cause?: unknown;
  /** Replaces the generated description (the part after "failed: "). */
  message?: string;
}

type ApiErrorClass = new (details: RetryAfterDetails) => ApiError;
const STATUS_CLASSES: Record<number, ApiErrorClass> = {};

// The ESM and CJS builds each define their own copies of these classes, and a value made by one must be `instanceof`
// the other's: a registry symbol on the prototype marks each class. `status`: createApiError picks the class for it.
export function brand(target: abstract new (...args: never[]) => unknown, name: string, status?: number) {
  const symbol = Symbol.for(`commerce-collections.error.${name}`);
  // Set explicitly rather than read from constructor.name, which minifiers rename.
  Object.defineProperty(target.prototype, 'name', { value: name, writable: true, configurable: true });
  Object.defineProperty(target.prototype, symbol, { value: true });
  Object.defineProperty(target, Symbol.hasInstance, {
    value(this: object, value: unknown): boolean {
      // A subclass defined outside this package inherits this method: the ordinary prototype check for it.
      if (this !== target) return Function.prototype[Symbol.hasInstance].call(this, value);
      return Object(value)[symbol] === true; // Object(): a primitive has no brand, null neither
    },
  });
  if (status !== undefined) STATUS_CLASSES[status] = target as unknown as ApiErrorClass;
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

// Server-provided text may contain newlines or be huge.
const oneLine = (text: string) => clip(text.replace(/\s+/g, ' ').trim(), 300);

function describeCause(cause: unknown): string | undefined {
  if (cause instanceof Error) {
    // undici reports "fetch failed" and puts the useful part (ECONNRESET…) in its own cause.
    const code = (cause.cause as { code?: unknown } | null | undefined)?.code;
    return typeof code === 'string' ? `${cause.message} (${code})` : cause.message;
  }
  return cause === undefined ? undefined : String(cause);
}

/** Base of everything this package throws. */
export class CommerceCollectionsError extends Error {
  declare readonly provider: string;
  declare readonly operation: string;
  declare readonly status: number | undefined;
  declare readonly requestId: string | undefined;
  declare readonly messages: string[];
  /** HTTP attempts made (0 when no request was sent, e.g. ValidationError). */
  declare readonly attempts: number;
  declare readonly body: unknown;

  /** `fullMessage` replaces the whole "<Provider> <operation> failed: …" line (ValidationError uses it). */
  constructor(details: ErrorDetails, description?: string, fullMessage?: string) {
    const suffix = details.requestId ? ` (request id ${oneLine(details.requestId)})` : '';
    const text = oneLine(details.message ?? description ?? 'failed') + suffix;
    const options = details.cause === undefined ? undefined : { cause: details.cause };
    super(
      fullMessage ?? `${details.label ?? details.provider} ${details.operation} failed: ${text}`,
      options,
    );
    const { provider, operation, status, requestId, messages = [], attempts = 0, body } = details;
    Object.assign(this, { provider, operation, status, requestId, messages, attempts, body });
  }

  /** A plain, log-safe object (its fields, a subclass's too): no headers, no token. */
  toJSON(): Record<string, unknown> {
    const cause = describeCause(this.cause);
    const fields: object = { ...this }; // own enumerable fields: never `message` or `cause`
    return { name: this.name, message: this.message, ...fields, ...(cause === undefined ? {} : { cause }) };
  }
}
brand(CommerceCollectionsError, 'CommerceCollectionsError');

/** Any HTTP error status (e.g. 409, 418); the subclasses below name the common ones. */
export class ApiError extends CommerceCollectionsError {
  declare readonly status: number;
  constructor(details: ErrorDetails & { status: number; statusText?: string }) {
    const reason = details.statusText || statusText(details.status);
    const head = reason ? `${details.status} ${reason}` : `${details.status}`;
    const messages = (details.messages ?? []).filter((m) => m.length > 0).join('; ');
    super(details, messages && messages !== reason ? `${head} — ${messages}` : head);
  }
}
brand(ApiError, 'ApiError');

/** 400 */
export class BadRequestError extends ApiError {}
brand(BadRequestError, 'BadRequestError', 400);
/** 401 */
export class AuthenticationError extends ApiError {}
brand(AuthenticationError, 'AuthenticationError', 401);
/** 403 */
export class PermissionDeniedError extends ApiError {}
brand(PermissionDeniedError, 'PermissionDeniedError', 403);
/** 404 */
export class NotFoundError extends ApiError {}
brand(NotFoundError, 'NotFoundError', 404);
/** 422 */
export class UnprocessableEntityError extends ApiError {}
brand(UnprocessableEntityError, 'UnprocessableEntityError', 422);

// Retryable, with Retry-After as a delay. Not exported: its subclasses mean your pace vs. the server's health.
type RetryAfterDetails = ErrorDetails & { status: number; statusText?: string; retryAfterMs?: number };

class RetryAfterError extends ApiError {
  declare readonly retryAfterMs: number | undefined;
  constructor(details: RetryAfterDetails) {
    super(details);
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** 429: too many requests; slow down (the client's rate limiter backs off by `retryAfterMs` too). */
export class RateLimitError extends RetryAfterError {}
brand(RateLimitError, 'RateLimitError', 429);
/** 5xx: the server failed; `retryAfterMs` when it said when to come back (503 + Retry-After). */
export class ServerError extends RetryAfterError {}
brand(ServerError, 'ServerError');

/** fetch rejected: connection reset or refused, DNS failure, TLS failure… */
export class ConnectionError extends CommerceCollectionsError {
  constructor(details: ErrorDetails) {
    const cause = describeCause(details.cause);
    super(details, cause ? `connection error — ${cause}` : 'connection error');
  }
}
brand(ConnectionError, 'ConnectionError');

/** An attempt (request and body) took longer than `timeoutMs`. */
export class TimeoutError extends CommerceCollectionsError {
  declare readonly timeoutMs: number;
  constructor(details: ErrorDetails & { timeoutMs: number }) {
    super(details, `timed out after ${details.timeoutMs} ms`);
    this.timeoutMs = details.timeoutMs;
  }
}
brand(TimeoutError, 'TimeoutError');

/** The caller's AbortSignal fired. */
export class AbortedError extends CommerceCollectionsError {
  constructor(details: ErrorDetails) {
    super(details, 'aborted by the caller');
  }
}
brand(AbortedError, 'AbortedError');

/** The server answered something we cannot use: wrong content type, too large, bad UTF-8, bad JSON, bad shape. */
export class InvalidResponseError extends CommerceCollectionsError {
  declare readonly reason: string;
  declare readonly field?: string;
  constructor(details: ErrorDetails & { reason: string; field?: string }) {
    super(details, `invalid response (${details.reason}${details.field ? ` at ${details.field}` : ''})`);
    this.reason = details.reason;
    this.field = details.field;
  }
}
brand(InvalidResponseError, 'InvalidResponseError');

/** A redirect (3xx), never followed: credentials must not travel. `targetHost`: host and port, if known. */
export class RedirectError extends CommerceCollectionsError {
  declare readonly targetHost: string | undefined;
  constructor(details: ErrorDetails & { targetHost?: string | undefined; statusText?: string }) {
    const { status = 0, statusText: text = statusText(status), targetHost = 'an unknown target' } = details;
    // No status: a browser's opaque redirect; not a 3xx: the answer of a fetch function that followed one anyway.
    let shown = status ? 'the fetch function followed one' : 'status hidden by the browser';
    if (status >= 300 && status <= 399) shown = `${status} ${text}`.trimEnd();
    super(details, `redirect refused (${shown}, to ${targetHost}); API calls never follow redirects`);
    this.targetHost = details.targetHost;
  }
}
brand(RedirectError, 'RedirectError');

function describeValue(value: unknown): string {
  // JSON escapes CR/LF and quotes, so the message stays one line.
  if (typeof value === 'string') return JSON.stringify(clip(value, 61));
  if (value == null || ['number', 'boolean', 'bigint'].includes(typeof value)) return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  return Array.isArray(value) ? `an array of ${value.length}` : `a value of type ${typeof value}`;
}

/** Bad input, rejected before any request. The message names the option and the rule. */
export class ValidationError extends CommerceCollectionsError {
  declare readonly option: string;
  declare readonly rule: string;
  constructor(details: ErrorDetails & { option: string; rule: string; value?: unknown; secret?: boolean }) {
    // A secret (the token) is never echoed; no value is stored.
    const got = details.secret ? '' : ` (got ${describeValue(details.value)})`;
    const { provider, label, operation, option, rule } = details;
    super({ provider, label, operation }, undefined, `Invalid option "${option}": ${rule}${got}`);
    this.option = option;
    this.rule = rule;
  }
}
brand(ValidationError, 'ValidationError');

// Any other 5xx is a ServerError, anything else an ApiError.
function apiErrorClass(status: number): ApiErrorClass {
  return STATUS_CLASSES[status] ?? (status >= 500 && status <= 599 ? ServerError : ApiError);
}

export function createApiError(details: RetryAfterDetails): ApiError {
  return new (apiErrorClass(details.status))(details);
}

/** The class name createApiError would pick for `status` (for attempt events and logs). */
export function apiErrorName(status: number): string {
  return apiErrorClass(status).prototype.name;
}
