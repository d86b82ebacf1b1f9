import type { HighLevelCollectionsPage } from '@commerce-collections/highlevel';
import type { ShoplazzaCollectionsPage } from '@commerce-collections/shoplazza';
import type { CollectionOf } from './collection';
import type { HighLevelCursor, PageCursor, ShoplazzaCursor } from './cursor';
import { mapHighLevelCollection } from './map-highlevel';
import { mapShoplazzaCollection } from './map-shoplazza';
import type { CollectionsPageOf } from './page';
import type { PagerPage } from './pager-types';

/**
 * HighLevel response → page. With `seen`, items whose id was already yielded by this listing are dropped (offsets
 * shift when collections are inserted while paginating) and the rest are added to it.
 */
export function buildHighLevelPage(
  response: HighLevelCollectionsPage,
  cursor: HighLevelCursor,
  afterLast: PageCursor | undefined,
  seen: Set<string> | undefined,
): PagerPage<CollectionsPageOf<'highlevel'>> {
  const data = response.data;
  const items: CollectionOf<'highlevel'>[] = [];
  for (let index = 0; index < data.length; index++) {
    const raw = data[index]!;
    if (seen !== undefined) {
      if (seen.has(raw._id)) continue;
      seen.add(raw._id);
    }
    items.push(mapHighLevelCollection(raw));
  }
  // Step by what the server sent, not by what was asked: a server that caps `limit` below the page size
  // (HighLevel documents no maximum) must not make us skip the items between. An empty page is the end.
  const nextOffset = cursor.offset + data.length;
  return {
    page: {
      provider: 'highlevel',
      items,
      cursor,
      nextCursor:
        data.length > 0 && nextOffset < response.total
          ? { provider: 'highlevel', offset: nextOffset }
          : afterLast,
      total: response.total,
      requestId: response.requestId,
    },
    duplicatesOnly: items.length === 0 && data.length > 0,
  };
}

/** Shoplazza response → page. A page shorter than the page size (or empty) is the last one: there is no total. */
export function buildShoplazzaPage(
  response: ShoplazzaCollectionsPage,
  cursor: ShoplazzaCursor,
  afterLast: PageCursor | undefined,
  seen: Set<string> | undefined,
): PagerPage<CollectionsPageOf<'shoplazza'>> {
  const data = response.collections;
  const items: CollectionOf<'shoplazza'>[] = [];
  for (let index = 0; index < data.length; index++) {
    const raw = data[index]!;
    if (seen !== undefined) {
      if (seen.has(raw.id)) continue;
      seen.add(raw.id);
    }
    items.push(mapShoplazzaCollection(raw));
  }
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
