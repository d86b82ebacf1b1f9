import type { PageNumberCursor } from './adapters/adapter';
import type { ProviderName } from './adapters/registry';
import type { PageCursor } from './cursor';
import { PageSizeError } from './page-size-error';
import {
  fetchPage,
  giveUp,
  hiddenPage,
  MAX_RESTARTS,
  nextCursorAfter,
  nextPageIsEmpty,
  type PagerPage,
  type Shift,
  type Source,
  toPage,
} from './pager';
import { pagesToKeep, RecentIds } from './recent-ids';

/**
 * Page-number style (Shoplazza 2022-01): every page from `start`, one request at a time, until an empty page or a
 * short page whose next page is empty. With `verify`, the boundary after each full page k (size L) is checked by a
 * probe `{ page: k·L, limit: 1 }` sent right AFTER page k+1, which is held until it checks out. The argument: the
 * sdk README, "Collections added or removed while listing".
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
          const detail = `page ${cursor.page - 1} ended with ${lastId}, now ${found ?? 'nothing'} is there`;
          shifted = { detail, requestId: probe.requestId };
          break;
        }
      }
      const short = data.length < cursor.pageSize;
      if (short && data.length > 0 && !(await nextPageIsEmpty(source, cursor, signal))) {
        // Fewer than asked: on the listing's first page a cap (stop, saying so); later a shift (re-read).
        if (restarts === 0 && cursor.page === start.page) {
          const { requestId } = response;
          const error = new PageSizeError({ operation: 'list', cursor, served: data.length, requestId });
          yield hiddenPage(error.resumeCursor, requestId);
          throw error;
        }
        const detail = `page ${cursor.page} served ${data.length} of ${cursor.pageSize} collections and page ${cursor.page + 1} is not empty`;
        shifted = { detail, requestId: response.requestId };
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
    if (++restarts > MAX_RESTARTS) yield* giveUp(start, shifted, MAX_RESTARTS, -1);
    // The remembered pages end with page `cursor.page - 1`; one page more covers deletions among them.
    const anchored = !recent.complete;
    walkStart = anchored
      ? { ...start, page: Math.max(start.page, cursor.page - recent.walkPages - 1) }
      : start;
    recent.startWalk(anchored);
  }
}
