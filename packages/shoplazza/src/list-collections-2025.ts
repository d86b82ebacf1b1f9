import { readCheckedJson } from '@commerce-collections/runtime/internal';
import { COLLECTIONS_2025_PATH, LABEL, PROVIDER } from './constants';
import type { ListCollectionsContext } from './list-collections';
import { buildQuery2025 } from './query-rules-2025';
import type { RequestOptions } from './types';
import type { Shoplazza2025CollectionsPage, Shoplazza2025ListCollectionsParams } from './types-2025';
import { checkPage2025, type ValidPage2025 } from './validate-page-2025';

const OPERATION = 'listCollections';

/** One page on API version 2025-06. The same transport (auth, rate limit, retries, typed errors) as 2022-01. */
export async function listCollections2025(
  context: ListCollectionsContext,
  params: Shoplazza2025ListCollectionsParams | undefined,
  options: RequestOptions | undefined,
): Promise<Shoplazza2025CollectionsPage> {
  const query = buildQuery2025(params);
  const delivery = await context.transport.request(OPERATION, options, (fetch) =>
    context.client().GET(COLLECTIONS_2025_PATH, { params: { query }, fetch, parseAs: 'stream' }),
  );
  const { page, requestId } = await readCheckedJson<ValidPage2025>(delivery, {
    provider: PROVIDER,
    label: LABEL,
    operation: OPERATION,
    check: checkPage2025,
  });
  const { collections, cursor, has_more: hasMore } = page.data;
  // A cursor sent with has_more false leads nowhere: it is not handed on.
  return { collections, cursor: hasMore ? (cursor as string) : undefined, hasMore, requestId };
}
