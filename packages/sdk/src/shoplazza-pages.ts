import type { ShoplazzaClient } from '@commerce-collections/shoplazza';
import { buildShoplazzaPage } from './build-page';
import type { PageCursor, ShoplazzaCursor } from './cursor';
import { fetchShoplazzaPage } from './fetch-shoplazza-page';
import type { CollectionsPageOf } from './page';
import type { PagerPage } from './pager-types';
import type { ListPlan } from './resolve-query';

/**
 * Every Shoplazza page from `start`, one request at a time (2 requests/s is the vendor's limit, and without a
 * total there is nothing to fan out over), until a page shorter than the page size or an empty one. Items are
 * deduplicated by id, so a collection inserted mid-listing never yields a duplicate.
 */
export async function* shoplazzaPages(
  client: ShoplazzaClient,
  plan: ListPlan,
  start: ShoplazzaCursor,
  afterLast: PageCursor | undefined,
  signal: AbortSignal,
): AsyncGenerator<PagerPage<CollectionsPageOf<'shoplazza'>>, void, undefined> {
  const seen = new Set<string>();
  let cursor: ShoplazzaCursor = start;
  for (;;) {
    const response = await fetchShoplazzaPage(client, plan, cursor, signal);
    const built = buildShoplazzaPage(response, cursor, afterLast, seen);
    yield built;
    if (response.collections.length < cursor.pageSize) return;
    cursor = { provider: 'shoplazza', page: cursor.page + 1, pageSize: cursor.pageSize };
  }
}
