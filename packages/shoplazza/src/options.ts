import {
  type SharedClientOptions,
  type TokenSource,
  ValidationError,
  validateBaseUrl,
  validateInteger,
  validateToken,
} from '@commerce-collections/runtime/internal';
import {
  API_VERSIONS,
  DEFAULT_DOMAIN,
  DEFAULT_RATE_LIMIT,
  DOMAINS,
  PROVIDER,
  type ShoplazzaApiVersion,
} from './constants';

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

export interface ResolvedOptions {
  token: ShoplazzaClientOptions['token'];
  shop: string | undefined;
  baseUrl: string;
  rateLimit: { ratePerSecond: number; burst?: number } | false;
  apiVersion: ShoplazzaApiVersion;
}

const CONTEXT = { provider: PROVIDER, operation: 'createClient' } as const;
// One DNS label: letters, digits and inner hyphens, at most 63 characters. Anything else (dots, slashes, `@`,
// `#`, unicode) could move the request to another host, so it is refused rather than encoded.
const SHOP_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

function fail(option: string, rule: string, value?: unknown, secret = false): never {
  throw new ValidationError({ ...CONTEXT, option, rule, value, secret });
}

function resolveRateLimit(rateLimit: ShoplazzaClientOptions['rateLimit']): ResolvedOptions['rateLimit'] {
  if (rateLimit === undefined) return DEFAULT_RATE_LIMIT;
  if (rateLimit === false) return false;
  if (typeof rateLimit !== 'object' || rateLimit === null) {
    fail('rateLimit', 'must be { ratePerSecond, burst? } or false', rateLimit);
  }
  const { ratePerSecond, burst } = rateLimit;
  // Fractions are fine (0.5 = one request every 2 s); the cap keeps the spacing at 1 ms or more.
  if (
    typeof ratePerSecond !== 'number' ||
    !Number.isFinite(ratePerSecond) ||
    ratePerSecond <= 0 ||
    ratePerSecond > 1000
  ) {
    fail('rateLimit.ratePerSecond', 'must be a number greater than 0 and at most 1000', ratePerSecond);
  }
  if (burst === undefined) return { ratePerSecond };
  return { ratePerSecond, burst: validateInteger(burst, 'rateLimit.burst', 1, undefined, CONTEXT) };
}

/** Checks the options that the transport does not check itself (it validates retry, timeoutMs, maxBodyBytes). */
export function resolveOptions(options: ShoplazzaClientOptions): ResolvedOptions {
  if (typeof options !== 'object' || options === null) fail('options', 'must be an object', options);
  const { token, shop, domain, fetch } = options;
  if (typeof token !== 'string' && typeof token !== 'function') {
    fail('token', 'must be a string or a function returning one', undefined, true);
  }
  if (typeof token === 'string') validateToken(token, 'token', CONTEXT);
  if (shop !== undefined && (typeof shop !== 'string' || !SHOP_LABEL.test(shop))) {
    fail('shop', 'must be a single DNS label: 1-63 letters, digits or inner hyphens (e.g. "my-store")', shop);
  }
  if (domain !== undefined && !DOMAINS.includes(domain)) {
    fail('domain', `must be one of ${DOMAINS.join(', ')}`, domain);
  }
  if (fetch !== undefined && typeof fetch !== 'function') fail('fetch', 'must be a function', fetch);
  const apiVersion = options.apiVersion === undefined ? '2022-01' : options.apiVersion;
  if (!API_VERSIONS.includes(apiVersion)) {
    fail('apiVersion', `must be one of ${API_VERSIONS.join(', ')}`, options.apiVersion);
  }
  let baseUrl: string;
  if (options.baseUrl !== undefined) {
    baseUrl = validateBaseUrl(options.baseUrl, 'baseUrl', CONTEXT).href.replace(/\/+$/, '');
  } else if (shop === undefined) {
    return fail('shop', 'is required unless baseUrl is given', shop);
  } else {
    baseUrl = `https://${shop.toLowerCase()}.${domain ?? DEFAULT_DOMAIN}`;
  }
  return { token, shop, baseUrl, rateLimit: resolveRateLimit(options.rateLimit), apiVersion };
}
