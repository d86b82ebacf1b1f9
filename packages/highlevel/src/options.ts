import { type SharedClientOptions, type TokenSource, ValidationError } from '@commerce-collections/runtime';
import {
  resolveBaseUrl,
  validateClientOptions,
  validateInteger,
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

const CONTEXT = { provider: PROVIDER, operation: 'createClient' } as const;

function fail(option: string, rule: string, value: unknown): never {
  throw new ValidationError({ ...CONTEXT, option, rule, value });
}

/** Checks the options that the transport does not check itself (it validates retry, timeoutMs, maxBodyBytes). */
export function resolveOptions(options: HighLevelClientOptions) {
  validateClientOptions(options, CONTEXT);
  const { token, locationId, rateLimit } = options;
  // C0/C1 controls and DEL would corrupt a log line or a hand-built URL.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
  const hasControl = typeof locationId === 'string' && /[\u0000-\u001f\u007f-\u009f]/.test(locationId);
  if (typeof locationId !== 'string' || locationId.length === 0 || hasControl) {
    fail('locationId', 'must be a non-empty string without control characters', locationId);
  }
  const baseUrl = options.baseUrl === undefined ? DEFAULT_BASE_URL : resolveBaseUrl(options.baseUrl, CONTEXT);
  if (rateLimit === undefined || rateLimit === false)
    return { token, locationId, baseUrl, rateLimit: rateLimit ?? DEFAULT_RATE_LIMIT };
  if (typeof rateLimit !== 'object' || rateLimit === null) {
    fail('rateLimit', 'must be { limit, intervalMs } or false', rateLimit);
  }
  const resolvedRateLimit = {
    limit: validateInteger(rateLimit.limit, 'rateLimit.limit', 1, undefined, CONTEXT),
    intervalMs: validateInteger(rateLimit.intervalMs, 'rateLimit.intervalMs', 1, undefined, CONTEXT),
  };
  return { token, locationId, baseUrl, rateLimit: resolvedRateLimit };
}
