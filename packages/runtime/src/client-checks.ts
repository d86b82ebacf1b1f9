import type { SharedClientOptions, TokenSource } from './client-options';
import { ValidationError } from './errors';
import { type ValidationContext, validateBaseUrl, validateToken } from './validation';

/** The options every client checks itself (the transport checks retry, timeoutMs and maxBodyBytes). */
export function validateClientOptions(
  options: unknown,
  context: ValidationContext,
): asserts options is SharedClientOptions & { token: TokenSource } {
  if (typeof options !== 'object' || options === null) {
    throw new ValidationError({ ...context, option: 'options', rule: 'must be an object', value: options });
  }
  const { token, fetch } = options as { token?: unknown; fetch?: unknown };
  if (typeof token !== 'string' && typeof token !== 'function') {
    const rule = 'must be a string or a function returning one';
    throw new ValidationError({ ...context, option: 'token', rule, secret: true });
  }
  if (typeof token === 'string') validateToken(token, 'token', context);
  if (fetch !== undefined && typeof fetch !== 'function') {
    throw new ValidationError({ ...context, option: 'fetch', rule: 'must be a function', value: fetch });
  }
}

/** A validated base URL without its trailing slashes. */
export function resolveBaseUrl(value: unknown, context: ValidationContext): string {
  return validateBaseUrl(value, 'baseUrl', context).href.replace(/\/+$/, '');
}

/** How a client's query validator words its errors: the operation (default listCollections), the caller's names. */
export interface QueryWording<Param extends string> {
  operation?: string;
  names?: Partial<Record<Param, string>>;
}

/**
 * A call's parameters: an object with only `known` keys. Unknown keys are refused rather than silently dropped
 * (a misspelt filter must not turn a filtered call into an unfiltered one). Returns them with the error context
 * and the name each parameter has in errors.
 */
export function readParams<Param extends string>(
  params: unknown,
  known: readonly Param[],
  provider: string,
  how: QueryWording<Param>,
) {
  const context = { provider, operation: how.operation ?? 'listCollections' };
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    throw new ValidationError({ ...context, option: 'params', rule: 'must be an object', value: params });
  }
  const record = params as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!known.includes(key as Param)) {
      const rule = `is not a parameter of listCollections (expected one of ${known.join(', ')})`;
      throw new ValidationError({ ...context, option: key, rule, value: record[key] });
    }
  }
  const name = (param: Param): string => how.names?.[param] ?? param;
  return { record: record as Partial<Record<Param, unknown>>, context, name };
}

/** An object's own fields, for the clients' response shape checks. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
