import { createProviderClient, createSlidingWindowLimiter } from '@commerce-collections/runtime/internal';
import { API_VERSION, LABEL, PROVIDER, REQUEST_ID_HEADER } from './constants';
import { listCollections } from './list-collections';
import { type HighLevelClientOptions, resolveOptions } from './options';
import type { HighLevelClient, HighLevelRawPaths } from './types';

/**
 * A HighLevel client for one location. Everything per client (validation, transport, rate limiter, static
 * headers) is built here once; a call only validates its own parameters. Throws ValidationError for bad options.
 */
export function createHighLevelClient(options: HighLevelClientOptions): HighLevelClient {
  const { token, locationId, baseUrl, rateLimit } = resolveOptions(options);
  const client = { provider: PROVIDER, label: LABEL };
  const shared = createProviderClient<HighLevelRawPaths>({
    ...client,
    options,
    token,
    // Capital B: Prism (and some gateways) refuse `bearer`.
    authHeader: 'Authorization',
    authScheme: 'Bearer',
    baseUrl,
    headers: { Accept: 'application/json', Version: API_VERSION },
    listParam: 'collectionIds',
    rateLimiter: rateLimit === false ? false : createSlidingWindowLimiter({ ...rateLimit, ...client }),
    requestIdHeader: REQUEST_ID_HEADER,
    // `message` (a string, or a list on 422), then `error` (the status text) when it says something new.
    messageFields: ['message', 'error'],
  });
  return shared.expose<HighLevelClient>({
    provider: PROVIDER,
    locationId,
    listCollections: (params, requestOptions) => listCollections(shared, locationId, params, requestOptions),
  });
}
