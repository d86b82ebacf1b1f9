import { createLeakyBucketLimiter, createProviderClient } from '@commerce-collections/runtime/internal';
import { LABEL, PROVIDER, REQUEST_ID_HEADER } from './constants';
import { listCollections } from './list-collections';
import { resolveOptions, type ShoplazzaClientOptions } from './options';
import type { ShoplazzaClient, ShoplazzaPaths } from './types';

/**
 * A Shoplazza client for one store. Everything per client (validation, transport, rate limiter, static
 * headers) is built here once; a call only validates its own parameters. Throws ValidationError for bad options.
 */
export function createShoplazzaClient(options: ShoplazzaClientOptions): ShoplazzaClient {
  const { token, shop, baseUrl, rateLimit } = resolveOptions(options);
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
    // `error` (a string; the vendor's table says Array) or `errors` (a list), depending on the implementation.
    messageFields: ['error', 'errors'],
  });
  return shared.expose<ShoplazzaClient>({
    provider: PROVIDER,
    shop,
    listCollections: (params, requestOptions) => listCollections(shared, params, requestOptions),
  });
}
