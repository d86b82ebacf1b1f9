import { createLeakyBucketLimiter, createProviderClient } from '@commerce-collections/runtime/internal';
import { PROVIDER, type ShoplazzaApiVersion, WIRE } from './constants';
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
  const rateLimiter =
    rateLimit !== false && createLeakyBucketLimiter({ ...rateLimit, provider: PROVIDER, label: WIRE.label });
  const shared = createProviderClient<ShoplazzaPaths>({ ...WIRE, options, token, baseUrl, rateLimiter });
  const list = apiVersion === '2025-06' ? listCollections2025 : listCollections;
  return shared.expose<ShoplazzaClient<ShoplazzaApiVersion>>({
    provider: PROVIDER,
    apiVersion,
    shop,
    listCollections: (params: never, requestOptions?: RequestOptions) => list(shared, params, requestOptions),
  }) as ShoplazzaClient<V>;
}
