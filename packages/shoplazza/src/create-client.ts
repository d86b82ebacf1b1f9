import { createLeakyBucketLimiter, createProviderClient } from '@commerce-collections/runtime/internal';
import { PROVIDER, type ShoplazzaApiVersion, WIRE } from './constants';
import { listCollectionsOn } from './list-collections';
import { resolveOptions, type ShoplazzaClientOptions } from './options';
import type { ShoplazzaClient, ShoplazzaPaths } from './types';

/** A Shoplazza client for one store; a call only validates its own parameters. Throws ValidationError for bad options. */
export function createShoplazzaClient<V extends ShoplazzaApiVersion = '2022-01'>(
  options: ShoplazzaClientOptions<V>,
): ShoplazzaClient<V> {
  const { token, shop, baseUrl, rateLimit, apiVersion } = resolveOptions(options);
  const { label } = WIRE;
  const rateLimiter = rateLimit && createLeakyBucketLimiter({ ...rateLimit, provider: PROVIDER, label });
  const shared = createProviderClient<ShoplazzaPaths>({ ...WIRE, options, token, baseUrl, rateLimiter });
  const listCollections = listCollectionsOn(shared, apiVersion);
  return shared.expose<ShoplazzaClient<V>>({ provider: PROVIDER, apiVersion, shop, listCollections });
}
