import type { PageNumberCursor } from './adapters/adapter';
import type { ProviderName } from './adapters/registry';
import { nextPageIsEmpty } from './confirm-end';
import type { PageCursor } from './cursor';
import { PageSizeError } from './page-size-error';
import {
  fetchPage,
  giveUp,
  hiddenPage,
  MAX_RESTARTS,
  nextCursorAfter,
  type PagerPage,
  type Shift,
  type Source,
  toPage,
} from './pager';
import { pagesToKeep, RecentIds } from './recent-ids';

/**
 * Page-number style (Shoplazza 2022-01): every page from `start`, one request at a time (2 requests/s is the vendor's limit, and without a
 * total there is nothing to fan out over), until an empty page, or a page shorter than the page size whose next
 * page is empty (nextPageIsEmpty: a server may serve fewer than asked, so a short page alone proves nothing).
 * A short page followed by a non-empty one is a cap on the listing's first page (PageSizeError, resume cursor in
 * pages of a size the server serves), and a change under the walk later (re-read as a shift).
 *
 * Repeats: a walk reads each id once (its boundaries are checked), so an id it already read (RecentIds.repeatedId:
 * a server that serves a collection twice, or an insertion when the probe is off) is a shift too: the page is
 * not shown and the walk is re-read; a server that keeps repeating ends in ConsistencyError. Dropping the repeat
 * silently would only work while the id is remembered.
 *
 * Page shifting: a collection deleted before our position between two page requests moves every later item one
 * to the left, and the first item of the next page would never be seen. With `verify`, each boundary between a
 * full page k (size L) and page k+1 is checked by a one-item probe, `{ page: k·L, limit: 1 }` (with limit 1, page
 * p is item p−1): the item now at page k's last position must still be page k's last item. The probe is sent
 * right AFTER page k+1, so the window it checks (page k read → probe) contains page k+1's read: a deletion
 * anywhere in that window shows. (A probe sent before page k+1 would let a deletion between it and page k+1 go
 * unseen.) Page k+1 is held until its boundary checks out, so a shifted page is never shown and the re-read
 * yields the missed items in order; its ids only count as seen once it is yielded.
 *
 * Any mismatch (another item, or none: the list shrank) aborts the walk and re-reads it. That includes a pure
 * insertion (shift right), which dedupe alone would handle: one rule is simpler, and a probe cannot tell "one
 * inserted" from "two inserted and one deleted". Memory stays bounded: RecentIds keeps the ids of the last two
 * pages (at least 100 ids), and the re-read starts one page before those (from `start` while nothing has been
 * forgotten yet), skips items up to the first remembered id and yields only what it has not seen. A shift larger than that
 * window (the re-read meets no remembered id), or a shift again after MAX_RESTARTS re-reads, throws
 * ConsistencyError with the resume cursor set back to `start` (the shift may have moved unseen items anywhere
 * before the boundary; resuming may repeat, never miss). What one probe per boundary cannot see: a deletion and
 * an insertion before the boundary that cancel out between page k+1's read and its probe.
 */
export async function* pageNumberPages(
  source: Source,
  start: PageNumberCursor<ProviderName>,
  afterLast: PageCursor | undefined,
  verify: boolean,
  signal: AbortSignal,
): AsyncGenerator<PagerPage, void, undefined> {
  const idOf = (item: unknown): string => source.adapter.idOf(item);
  const recent = new RecentIds(pagesToKeep(1, start.pageSize));
  let restarts = 0;
  let walkStart = start;
  for (;;) {
    let cursor: PageNumberCursor<ProviderName> = walkStart;
    // The previous full page's boundary still to check: its probe page number (0: none) and last item id.
    let probePage = 0;
    let lastId = '';
    let shifted: Shift | undefined;
    for (;;) {
      const response = await fetchPage(source, cursor.page, cursor.pageSize, signal);
      const data = response.items;
      if (probePage > 0) {
        const probe = await fetchPage(source, probePage, 1, signal);
        const found = probe.items.length > 0 ? idOf(probe.items[0]) : undefined;
        if (found !== lastId) {
          shifted = {
            detail: `page ${cursor.page - 1} ended with ${lastId}, now ${found === undefined ? 'nothing' : found} is there`,
            requestId: probe.requestId,
          };
          break;
        }
      }
      const short = data.length < cursor.pageSize;
      if (short && data.length > 0 && !(await nextPageIsEmpty(source, cursor, signal))) {
        // The server serves fewer than asked. On the listing's first page that is a cap: stop, saying so (a
        // page number means nothing without the size the server really used). Later, after full pages, the
        // data or the cap changed under the walk: re-read like a shift.
        if (restarts === 0 && cursor.page === start.page) {
          const error = new PageSizeError({
            operation: 'list',
            cursor,
            served: data.length,
            requestId: response.requestId,
          });
          yield hiddenPage(error.resumeCursor, response.requestId);
          throw error;
        }
        shifted = {
          detail: `page ${cursor.page} served ${data.length} of ${cursor.pageSize} collections and page ${cursor.page + 1} is not empty`,
          requestId: response.requestId,
        };
        break;
      }
      const next = nextCursorAfter(cursor, response, 0, afterLast);
      const built = toPage(source, response, 0, cursor, next, recent);
      const repeated = recent.repeatedId;
      if (repeated !== undefined) {
        shifted = { detail: `collection ${repeated} was served twice`, requestId: response.requestId };
        break;
      }
      if (recent.anchorLost(short)) {
        const detail = `the re-read from page ${walkStart.page} met none of the ${recent.pagesKept} pages last read: more moved than the listing remembers`;
        yield* giveUp(start, { detail, requestId: response.requestId }, restarts, -1);
      }
      yield built;
      if (short) break;
      if (verify) {
        probePage = cursor.page * cursor.pageSize;
        lastId = idOf(data[data.length - 1]);
      }
      cursor = { ...cursor, page: cursor.page + 1 };
    }
    if (shifted === undefined) return;
    restarts++;
    if (restarts > MAX_RESTARTS) yield* giveUp(start, shifted, MAX_RESTARTS, -1);
    // The walk's remembered pages end with page `cursor.page - 1`, the last one it read; one page more covers
    // deletions among them (the extra items before the anchor are skipped).
    const anchored = !recent.complete;
    walkStart = anchored
      ? { ...start, page: Math.max(start.page, cursor.page - recent.walkPages - 1) }
      : start;
    recent.startWalk(anchored);
  }
}
