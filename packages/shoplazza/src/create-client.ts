import { createLeakyBucketLimiter, createProviderClient } from '@commerce-collections/runtime/internal';
import { LABEL, PROVIDER, REQUEST_ID_HEADER, type ShoplazzaApiVersion } from './constants';
import { listCollections } from './list-collections';
import { listCollections2025 } from './list-collections-2025';
import { resolveOptions, type ShoplazzaClientOptions } from './options';
import type { RequestOptions, ShoplazzaClient, ShoplazzaPaths } from './types';

/**
 * A Shoplazza client for one store. Everything per client (validation, transport, rate limiter, static
 * headers) is built here once; a call only validates its own parameters. Throws ValidationError for bad options.
 */
export function createShoplazzaClient<V extends ShoplazzaApiVersion = '2022-01'>(
  options: ShoplazzaClientOptions<V>,
): ShoplazzaClient<V> {
  const { token, shop, baseUrl, rateLimit, apiVersion } = resolveOptions(options);
  const client = { provider: PROVIDER, label: LABEL };
  const shared = createProviderClient<ShoplazzaPaths>({
    ...client,
    options,
    token,
    // The seed's table spells it `Access-Token`; header names are case-insensitive.
    authHeader: 'access-token',
    baseUrl,
    // The vendor lists Content-Type as required even on this GET; openapi-fetch only sets it with a body.
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    listParam: 'ids',
    rateLimiter: rateLimit === false ? false : createLeakyBucketLimiter({ ...rateLimit, ...client }),
    requestIdHeader: REQUEST_ID_HEADER,
    // `error` (a string; the vendor's table says Array) or `errors` (a list), depending on the implementation;
    // `message` of the `{ code, message }` envelope the vendor's 2025-06 pages show.
    messageFields: ['error', 'errors', 'message'],
  });
  const list = apiVersion === '2025-06' ? listCollections2025 : listCollections;
  return shared.expose<ShoplazzaClient<ShoplazzaApiVersion>>({
    provider: PROVIDER,
    apiVersion,
    shop,
    listCollections: (params: never, requestOptions?: RequestOptions) => list(shared, params, requestOptions),
  }) as ShoplazzaClient<V>;
}
