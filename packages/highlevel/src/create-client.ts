import { createProviderClient, createSlidingWindowLimiter } from '@commerce-collections/runtime/internal';
import { PROVIDER, WIRE } from './constants';
import { listCollections } from './list-collections';
import { type HighLevelClientOptions, resolveOptions } from './options';
import type { HighLevelClient, HighLevelRawPaths } from './types';

/**
 * A HighLevel client for one location. Everything per client (validation, transport, rate limiter, static
 * headers) is built here once; a call only validates its own parameters. Throws ValidationError for bad options.
 */
export function createHighLevelClient(options: HighLevelClientOptions): HighLevelClient {
  const { token, locationId, baseUrl, rateLimit } = resolveOptions(options);
  const rateLimiter =
    rateLimit !== false &&
    createSlidingWindowLimiter({ ...rateLimit, provider: PROVIDER, label: WIRE.label });
  const shared = createProviderClient<HighLevelRawPaths>({ ...WIRE, options, token, baseUrl, rateLimiter });
  return shared.expose<HighLevelClient>({
    provider: PROVIDER,
    locationId,
    listCollections: (params, requestOptions) => listCollections(shared, locationId, params, requestOptions),
  });
}
