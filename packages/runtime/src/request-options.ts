import type { RetryOptions } from './retry';
import type { CallOptions } from './transport';
import { fail, type ValidationContext } from './validation';

/** Per-call options every typed operation of every client takes. */
export interface RequestOptions {
  /** Aborts the call (rate-limit wait, every attempt, retries' back-off, body read) with an AbortedError. */
  signal?: AbortSignal;
  /** Per attempt, body included; overrides the client's `timeoutMs`. */
  timeoutMs?: number;
  /** Overrides the client's `retry` for this call. */
  retry?: RetryOptions | false;
}

/** A typed call's transport options. The transport validates the rest; a non-signal would fail deep in fetch. */
export function toCallOptions(context: ValidationContext, options: RequestOptions | undefined): CallOptions {
  if (options !== undefined && (typeof options !== 'object' || options === null))
    fail('options', 'must be an object', options, context);
  const { signal, timeoutMs, retry } = options ?? {};
  if (signal !== undefined && !(signal instanceof AbortSignal))
    fail('signal', 'must be an AbortSignal', signal, context);
  return { operation: context.operation, throwHttpErrors: true, bufferBody: true, signal, timeoutMs, retry };
}
