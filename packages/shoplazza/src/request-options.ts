import { type CallOptions, ValidationError } from '@commerce-collections/runtime';
import { PROVIDER } from './constants';
import type { RequestOptions } from './types';

/**
 * The transport's call options for one typed call. `timeoutMs` and `retry` are validated by the transport
 * (before any request); the signal is checked here because a non-signal would only fail deep inside fetch.
 */
export function callOptions(operation: string, options: RequestOptions | undefined): CallOptions {
  if (options === undefined) return { operation, throwHttpErrors: true };
  if (typeof options !== 'object' || options === null) {
    throw new ValidationError({
      provider: PROVIDER,
      operation,
      option: 'options',
      rule: 'must be an object',
      value: options,
    });
  }
  const { signal, timeoutMs, retry } = options;
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw new ValidationError({
      provider: PROVIDER,
      operation,
      option: 'signal',
      rule: 'must be an AbortSignal',
      value: signal,
    });
  }
  return { operation, throwHttpErrors: true, signal, timeoutMs, retry };
}
