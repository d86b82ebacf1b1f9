import type { SharedClientOptions, TokenSource } from '@commerce-collections/runtime';
import { fail, resolveBaseUrl, validateClientOptions } from '@commerce-collections/runtime/internal';
import { API_VERSIONS, PROVIDER, type ShoplazzaApiVersion } from './constants';

export interface ShoplazzaClientOptions<V extends ShoplazzaApiVersion = ShoplazzaApiVersion>
  extends SharedClientOptions {
  /**
   * Which API version `listCollections` calls: '2022-01' (default; page numbers) or '2025-06' (an opaque cursor
   * and `has_more`). `raw` serves both paths whatever is chosen.
   */
  apiVersion?: V;
  /** The credential, or a function returning one (called per attempt, and with a refresh after a 401). */
  token: TokenSource;
  /** The store's domain prefix, a single DNS label (`my-store` for my-store.myshoplazza.com). Optional with `baseUrl`. */
  shop?: string;
  /** Default 'myshoplazza.com'; Shoplazza serves 'myshoplaza.com' (one z) too. */
  domain?: 'myshoplazza.com' | 'myshoplaza.com';
  /** Replaces `https://<shop>.<domain>` entirely. https, or http on loopback only. */
  baseUrl?: string;
  /** Client-side leaky bucket shared by every call of this client. Default { ratePerSecond: 2, burst: 1 }. */
  rateLimit?: { ratePerSecond: number; burst?: number } | false;
}

const CONTEXT = { provider: PROVIDER, operation: 'createClient' } as const;
// The seed's spelling first (the default).
const DOMAINS = ['myshoplazza.com', 'myshoplaza.com'] as const;
// One DNS label: letters, digits and inner hyphens, at most 63 characters. Anything else (dots, slashes, `@`,
// `#`, unicode) could move the request to another host, so it is refused rather than encoded.
const SHOP_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const SHOP_RULE = 'must be a single DNS label: 1-63 letters, digits or inner hyphens (e.g. "my-store")';

/** Shoplazza's leaky bucket, 2 requests per second per app and store, unless replaced; the limiter checks the numbers. */
function resolveRateLimit(rateLimit: ShoplazzaClientOptions['rateLimit'] = { ratePerSecond: 2 }) {
  if (rateLimit === false) return rateLimit;
  if (typeof rateLimit !== 'object' || rateLimit === null) {
    fail('rateLimit', 'must be { ratePerSecond, burst? } or false', rateLimit, CONTEXT);
  }
  return { ratePerSecond: rateLimit.ratePerSecond, burst: rateLimit.burst };
}

/** Checks the options that the transport and the limiter do not check themselves. */
export function resolveOptions<V extends ShoplazzaApiVersion>(options: ShoplazzaClientOptions<V>) {
  validateClientOptions(options, CONTEXT);
  const { token, shop, domain = DOMAINS[0], apiVersion = '2022-01' as V } = options;
  if (shop !== undefined && (typeof shop !== 'string' || !SHOP_LABEL.test(shop))) {
    fail('shop', SHOP_RULE, shop, CONTEXT);
  }
  if (!DOMAINS.includes(domain)) fail('domain', `must be one of ${DOMAINS.join(', ')}`, domain, CONTEXT);
  if (!API_VERSIONS.includes(apiVersion)) {
    fail('apiVersion', `must be one of ${API_VERSIONS.join(', ')}`, options.apiVersion, CONTEXT);
  }
  if (options.baseUrl === undefined && shop === undefined)
    fail('shop', 'is required unless baseUrl is given', shop, CONTEXT);
  const baseUrl =
    options.baseUrl === undefined
      ? `https://${shop!.toLowerCase()}.${domain}`
      : resolveBaseUrl(options.baseUrl, CONTEXT);
  return { token, shop, baseUrl, rateLimit: resolveRateLimit(options.rateLimit), apiVersion };
}
