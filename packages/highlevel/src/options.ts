import type { SharedClientOptions, TokenSource } from '@commerce-collections/runtime';
import {
  fail,
  resolveBaseUrl,
  validateClientOptions,
  validateSearchText,
} from '@commerce-collections/runtime/internal';
import { PROVIDER } from './constants';

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

/** Checks the options that the transport and the rate limiter do not check themselves. */
export function resolveOptions(options: HighLevelClientOptions) {
  validateClientOptions(options, CONTEXT);
  // HighLevel's burst limit: 100 requests per 10 seconds per app and location.
  const { token, locationId, rateLimit = { limit: 100, intervalMs: 10_000 } } = options;
  // Control characters would corrupt a log line or a hand-built URL. No length is documented.
  validateSearchText(locationId, 'locationId', CONTEXT, Number.POSITIVE_INFINITY);
  const baseUrl =
    options.baseUrl === undefined
      ? 'https://services.leadconnectorhq.com'
      : resolveBaseUrl(options.baseUrl, CONTEXT);
  if (rateLimit !== false && (typeof rateLimit !== 'object' || rateLimit === null))
    fail('rateLimit', 'must be { limit, intervalMs } or false', rateLimit, CONTEXT);
  return {
    token,
    locationId,
    baseUrl,
    rateLimit: rateLimit && { limit: rateLimit.limit, intervalMs: rateLimit.intervalMs },
  };
}
