import { createProviderClient, createSlidingWindowLimiter } from '@commerce-collections/runtime/internal';
import { PROVIDER, WIRE } from './constants';
import { listCollectionsOf } from './list-collections';
import { type HighLevelClientOptions, resolveOptions } from './options';
import type { HighLevelClient, HighLevelRawPaths } from './types';

/** A HighLevel client for one location; a call only validates its own parameters. Throws ValidationError for bad options. */
export function createHighLevelClient(options: HighLevelClientOptions): HighLevelClient {
  const { token, locationId, baseUrl, rateLimit } = resolveOptions(options);
  const { label } = WIRE;
  const rateLimiter = rateLimit && createSlidingWindowLimiter({ ...rateLimit, provider: PROVIDER, label });
  const shared = createProviderClient<HighLevelRawPaths>({ ...WIRE, options, token, baseUrl, rateLimiter });
  const listCollections = listCollectionsOf(shared, locationId);
  return shared.expose<HighLevelClient>({ provider: PROVIDER, locationId, listCollections });
}
