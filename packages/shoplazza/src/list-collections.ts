import type { ProviderClient } from '@commerce-collections/runtime/internal';
import { COLLECTIONS_PATH } from './constants';
import { buildQuery } from './query-rules';
import type {
  RequestOptions,
  ShoplazzaCollectionsPage,
  ShoplazzaListCollectionsParams,
  ShoplazzaPaths,
} from './types';
import { checkPage, type ValidPage } from './validate-page';

export async function listCollections(
  client: ProviderClient<ShoplazzaPaths>,
  params: ShoplazzaListCollectionsParams | undefined,
  options: RequestOptions | undefined,
): Promise<ShoplazzaCollectionsPage> {
  const query = buildQuery(params);
  // The transport reads the body, so openapi-fetch must not: parseAs 'stream' hands it over untouched.
  const { page, requestId } = await client.getPage<ValidPage>(
    'listCollections',
    options,
    checkPage,
    (typed, fetch) => typed.GET(COLLECTIONS_PATH, { params: { query }, fetch, parseAs: 'stream' }),
  );
  return { collections: page.collections, requestId };
}
