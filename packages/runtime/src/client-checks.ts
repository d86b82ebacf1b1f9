import type { SharedClientOptions, TokenSource } from './client-options';
import { fail, type ValidationContext, validateBaseUrl, validateToken } from './validation';

/** The options every client checks itself (the transport checks retry, timeoutMs and maxBodyBytes). */
export function validateClientOptions(
  options: unknown,
  context: ValidationContext,
): asserts options is SharedClientOptions & { token: TokenSource } {
  if (!isRecord(options)) fail('options', 'must be an object', options, context);
  const { token, fetch } = options;
  if (typeof token !== 'string' && typeof token !== 'function')
    fail('token', 'must be a string or a function returning one', undefined, context, true);
  if (typeof token === 'string') validateToken(token, 'token', context);
  if (fetch !== undefined && typeof fetch !== 'function') fail('fetch', 'must be a function', fetch, context);
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

/** One parameter's check: its valid value, or a thrown ValidationError naming `option`. */
export type ParamRule = (value: unknown, option: string, context: ValidationContext) => unknown;

/** The params, each checked by its rule under the caller's name for it, as a clean copy in the rules' order. */
export function readParams<Param extends string>(
  params: unknown,
  rules: Record<Param, ParamRule>,
  provider: string,
  how: QueryWording<Param>,
  call = 'listCollections', // what the unknown-key rule names
): Partial<Record<Param, unknown>> {
  const context = { provider, operation: how.operation ?? 'listCollections' };
  if (!isRecord(params)) fail('params', 'must be an object', params, context);
  // Unknown keys are refused: a misspelt filter must not unfilter a call.
  const unknown = Object.keys(params).find((key) => !Object.hasOwn(rules, key));
  if (unknown !== undefined) {
    const rule = `is not a parameter of ${call} (expected one of ${Object.keys(rules).join(', ')})`;
    fail(unknown, rule, params[unknown], context); // the rule is built only on this path: it runs per call
  }
  const valid: Partial<Record<Param, unknown>> = {};
  for (const param in rules) {
    const value = params[param];
    if (value !== undefined) valid[param] = rules[param](value, how.names?.[param] ?? param, context);
  }
  return valid;
}

/** A plain object: not null, not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
