import type { HighLevelCollectionsPage } from '@commerce-collections/highlevel';
import type { ShoplazzaCollectionsPage } from '@commerce-collections/shoplazza';
import type { CollectionOf } from './collection';
import type { PageCursor, ShoplazzaCursor } from './cursor';
import { mapHighLevelCollection } from './map-highlevel';
import { mapShoplazzaCollection } from './map-shoplazza';
import type { CollectionsPageOf } from './page';
import type { PagerPage } from './pager-types';
import type { RecentIds } from './recent-ids';

/** A page with a repeat will not be shown (the pager re-reads, see RecentIds.repeatedId): it is not remembered. */
function closePage(recent: RecentIds | undefined): void {
  if (recent === undefined) return;
  if (recent.repeatedId === undefined) recent.endPage();
  else recent.discardPage();
}

/**
 * HighLevel response → page. `skip` leading items are not shown (1 when the request started one item early to
 * check the overlap with the previous page). With `recent`, items it does not admit (repeats, or items before a
 * re-read's anchor) are dropped.
 */
export function buildHighLevelPage(
  response: HighLevelCollectionsPage,
  requestOffset: number,
  skip: 0 | 1,
  afterLast: PageCursor | undefined,
  recent: RecentIds | undefined,
): PagerPage<CollectionsPageOf<'highlevel'>> {
  const data = response.data;
  const items: CollectionOf<'highlevel'>[] = [];
  for (let index = skip; index < data.length; index++) {
    const raw = data[index]!;
    if (recent !== undefined && !recent.admit(raw._id)) continue;
    items.push(mapHighLevelCollection(raw));
  }
  closePage(recent);
  // Step by what the server sent, not by what was asked: a server that caps `limit` below the page size
  // (HighLevel documents no maximum) must not make us skip the items between. An empty page is the end.
  const nextOffset = requestOffset + data.length;
  return {
    page: {
      provider: 'highlevel',
      items,
      cursor: { provider: 'highlevel', offset: requestOffset + skip },
      nextCursor:
        data.length > skip && nextOffset < response.total
          ? { provider: 'highlevel', offset: nextOffset }
          : afterLast,
      total: response.total,
      requestId: response.requestId,
    },
    duplicatesOnly: items.length === 0 && data.length > skip,
  };
}

/**
 * Shoplazza response → page. A page shorter than the page size (or empty) is the last one: there is no total, so
 * the callers first confirm a short, non-empty page by the empty page after it (see nextPageIsEmpty).
 */
export function buildShoplazzaPage(
  response: ShoplazzaCollectionsPage,
  cursor: ShoplazzaCursor,
  afterLast: PageCursor | undefined,
  recent: RecentIds | undefined,
): PagerPage<CollectionsPageOf<'shoplazza'>> {
  const data = response.collections;
  const items: CollectionOf<'shoplazza'>[] = [];
  for (let index = 0; index < data.length; index++) {
    const raw = data[index]!;
    if (recent !== undefined && !recent.admit(raw.id)) continue;
    items.push(mapShoplazzaCollection(raw));
  }
  closePage(recent);
  return {
    page: {
      provider: 'shoplazza',
      items,
      cursor,
      nextCursor:
        data.length >= cursor.pageSize
          ? { provider: 'shoplazza', page: cursor.page + 1, pageSize: cursor.pageSize }
          : afterLast,
      total: undefined,
      requestId: response.requestId,
    },
    duplicatesOnly: items.length === 0 && data.length > 0,
  };
}
