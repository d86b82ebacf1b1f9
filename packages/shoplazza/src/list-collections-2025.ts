import type { ProviderClient } from '@commerce-collections/runtime/internal';
import { COLLECTIONS_2025_PATH } from './constants';
import { buildQuery2025 } from './query-rules-2025';
import type { RequestOptions, ShoplazzaPaths } from './types';
import type { Shoplazza2025CollectionsPage, Shoplazza2025ListCollectionsParams } from './types-2025';
import { checkPage2025, type ValidPage2025 } from './validate-page-2025';

/** One page on API version 2025-06. The same transport (auth, rate limit, retries, typed errors) as 2022-01. */
export async function listCollections2025(
  client: ProviderClient<ShoplazzaPaths>,
  params: Shoplazza2025ListCollectionsParams | undefined,
  options: RequestOptions | undefined,
): Promise<Shoplazza2025CollectionsPage> {
  const query = buildQuery2025(params);
  const { page, requestId } = await client.getPage<ValidPage2025>(
    'listCollections',
    options,
    checkPage2025,
    (typed, fetch) => typed.GET(COLLECTIONS_2025_PATH, { params: { query }, fetch, parseAs: 'stream' }),
  );
  const { collections, cursor, has_more: hasMore } = page.data;
  // A cursor sent with has_more false leads nowhere: it is not handed on.
  return { collections, cursor: hasMore ? (cursor as string) : undefined, hasMore, requestId };
}
