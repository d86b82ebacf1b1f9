import {
  type Hooks,
  type Logger,
  type LogLevel,
  type RetryOptions,
  ValidationError,
  validateBaseUrl,
  validateInteger,
  validateToken,
} from '@commerce-collections/runtime';
import { DEFAULT_BASE_URL, DEFAULT_RATE_LIMIT, PROVIDER } from './constants';

/** What a token function is told: `refresh` is true on the retry after a 401 (mint a new token then). */
export interface TokenContext {
  refresh: boolean;
}

export interface HighLevelClientOptions {
  /**
   * A sub-account OAuth access token or Private Integration Token, or a function returning one. A function is
   * called before every attempt, and again with `{ refresh: true }` after a 401 (the request is then retried
   * once). A plain string is never retried on 401.
   */
  token: string | ((context: TokenContext) => string | Promise<string>);
  /** The location (sub-account) id, sent as `altId` with `altType=location`. */
  locationId: string;
  /** Default 'https://services.leadconnectorhq.com'. https, or http on loopback only. */
  baseUrl?: string;
  /** Default: globalThis.fetch at call time. */
  fetch?: typeof globalThis.fetch;
  /** Default { maxRetries: 2, baseDelayMs: 500, maxDelayMs: 8000, maxRetryAfterMs: 60000 }; false: none. */
  retry?: RetryOptions | false;
  /** Per attempt, body included. Default 30000. */
  timeoutMs?: number;
  /** Client-side limit shared by every call of this client. Default { limit: 100, intervalMs: 10000 }. */
  rateLimit?: { limit: number; intervalMs: number } | false;
  logger?: Logger;
  logLevel?: LogLevel;
  hooks?: Hooks;
  /** Response body cap. Default 10 MiB. */
  maxBodyBytes?: number;
}

export interface ResolvedOptions {
  token: HighLevelClientOptions['token'];
  locationId: string;
  baseUrl: string;
  rateLimit: { limit: number; intervalMs: number } | false;
}

const CONTEXT = { provider: PROVIDER, operation: 'createClient' } as const;
/** C0/C1 controls and DEL: they would corrupt a log line or a hand-built URL. */
function hasControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

function fail(option: string, rule: string, value?: unknown, secret = false): never {
  throw new ValidationError({ ...CONTEXT, option, rule, value, secret });
}

/** Checks the options that the transport does not check itself (it validates retry, timeoutMs, maxBodyBytes). */
export function resolveOptions(options: HighLevelClientOptions): ResolvedOptions {
  if (typeof options !== 'object' || options === null) fail('options', 'must be an object', options);
  const { token, locationId, fetch, rateLimit } = options;
  if (typeof token !== 'string' && typeof token !== 'function') {
    fail('token', 'must be a string or a function returning one', undefined, true);
  }
  if (typeof token === 'string') validateToken(token, 'token', CONTEXT);
  if (typeof locationId !== 'string' || locationId.length === 0 || hasControlCharacter(locationId)) {
    fail('locationId', 'must be a non-empty string without control characters', locationId);
  }
  if (fetch !== undefined && typeof fetch !== 'function') fail('fetch', 'must be a function', fetch);
  const baseUrl =
    options.baseUrl === undefined
      ? DEFAULT_BASE_URL
      : validateBaseUrl(options.baseUrl, 'baseUrl', CONTEXT).href.replace(/\/+$/, '');
  let resolvedRateLimit: ResolvedOptions['rateLimit'] = DEFAULT_RATE_LIMIT;
  if (rateLimit === false) resolvedRateLimit = false;
  else if (rateLimit !== undefined) {
    if (typeof rateLimit !== 'object' || rateLimit === null) {
      fail('rateLimit', 'must be { limit, intervalMs } or false', rateLimit);
    }
    resolvedRateLimit = {
      limit: validateInteger(rateLimit.limit, 'rateLimit.limit', 1, undefined, CONTEXT),
      intervalMs: validateInteger(rateLimit.intervalMs, 'rateLimit.intervalMs', 1, undefined, CONTEXT),
    };
  }
  return { token, locationId, baseUrl, rateLimit: resolvedRateLimit };
}
