import type { ProviderClient } from '@commerce-collections/runtime/internal';
import { COLLECTIONS_PATH } from './constants';
import { buildQuery } from './query-rules';
import type {
  HighLevelCollectionsPage,
  HighLevelListCollectionsParams,
  HighLevelRawPaths,
  RequestOptions,
} from './types';
import { checkPage, type ValidPage } from './validate-page';

export async function listCollections(
  client: ProviderClient<HighLevelRawPaths>,
  locationId: string,
  params: HighLevelListCollectionsParams | undefined,
  options: RequestOptions | undefined,
): Promise<HighLevelCollectionsPage> {
  const query = buildQuery(locationId, params);
  // The transport reads the body, so openapi-fetch must not: parseAs 'stream' hands it over untouched.
  const { page, requestId } = await client.getPage<ValidPage>(
    'listCollections',
    options,
    checkPage,
    (typed, fetch) => typed.GET(COLLECTIONS_PATH, { params: { query }, fetch, parseAs: 'stream' }),
  );
  return { data: page.data, total: page.total, requestId };
}
