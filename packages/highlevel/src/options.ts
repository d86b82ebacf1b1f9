import {
  type SharedClientOptions,
  type TokenSource,
  ValidationError,
  validateBaseUrl,
  validateInteger,
  validateToken,
} from '@commerce-collections/runtime/internal';
import { DEFAULT_BASE_URL, DEFAULT_RATE_LIMIT, PROVIDER } from './constants';

export interface HighLevelClientOptions extends SharedClientOptions {
  /**
   * A sub-account OAuth access token or Private Integration Token, or a function returning one (called per
   * attempt, and again with `{ refresh: true }` after a 401, which is then retried once).
   */
  token: TokenSource;
  /** The location (sub-account) id, sent as `altId` with `altType=location`. */
  locationId: string;
  /** Default 'https://services.leadconnectorhq.com'. https, or http on loopback only. */
  baseUrl?: string;
  /** Client-side limit shared by every call of this client. Default { limit: 100, intervalMs: 10000 }. */
  rateLimit?: { limit: number; intervalMs: number } | false;
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
