import { ValidationError } from './errors';
import type { RetryOptions } from './retry';
import type { CallOptions } from './transport';
import type { ValidationContext } from './validation';

/** Per-call options every typed operation of every client takes. */
export interface RequestOptions {
  /** Aborts the call (rate-limit wait, every attempt, retries' back-off, body read) with an AbortedError. */
  signal?: AbortSignal;
  /** Per attempt, body included; overrides the client's `timeoutMs`. */
  timeoutMs?: number;
  /** Overrides the client's `retry` for this call. */
  retry?: RetryOptions | false;
}

/**
 * The transport's call options for one typed call (non-2xx statuses throw; the 2xx body is read inside the
 * retry loop). `timeoutMs` and `retry` are validated by the transport (before any request); the signal is
 * checked here because a non-signal would only fail deep inside fetch.
 */
export function toCallOptions(context: ValidationContext, options: RequestOptions | undefined): CallOptions {
  const operation = context.operation;
  if (options === undefined) return { operation, throwHttpErrors: true, bufferBody: true, signal: undefined };
  const fail = (option: string, rule: string, value: unknown) =>
    new ValidationError({ ...context, option, rule, value });
  if (typeof options !== 'object' || options === null) throw fail('options', 'must be an object', options);
  const { signal, timeoutMs, retry } = options;
  if (signal !== undefined && !(signal instanceof AbortSignal))
    throw fail('signal', 'must be an AbortSignal', signal);
  return { operation, throwHttpErrors: true, bufferBody: true, signal, timeoutMs, retry };
}
