import type { ProviderClient } from '@commerce-collections/runtime/internal';
import { validateHighLevelQuery } from './query-rules';
import type { HighLevelClient, HighLevelListCollectionsParams, HighLevelRawPaths } from './types';
import { checkPage, type ValidPage } from './validate-page';

/** `listCollections` of one location's client. */
export function listCollectionsOf(
  client: ProviderClient<HighLevelRawPaths>,
  locationId: string,
): HighLevelClient['listCollections'] {
  return async (params, options) => {
    // Validated before any request; in the spec's parameter order (openapi-fetch leaves out what is undefined).
    const { limit, offset, collectionIds, name }: HighLevelListCollectionsParams =
      params === undefined ? {} : validateHighLevelQuery(params);
    const query = {
      limit,
      offset,
      altId: locationId,
      altType: 'location' as const,
      collectionIds: collectionIds?.join(','),
      name,
    };
    // The transport reads the body, so openapi-fetch must not: parseAs 'stream' hands it over untouched.
    const { page, requestId } = await client.getPage<ValidPage>(
      'listCollections',
      options,
      checkPage,
      (typed, fetch) => typed.GET('/products/collections', { params: { query }, fetch, parseAs: 'stream' }),
    );
    return { data: page.data, total: page.total, requestId };
  };
}
