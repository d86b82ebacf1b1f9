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

interface Walk {
  source: Source;
  /** Where the listing began, and where this walk begins. */
  start: PageNumberCursor<ProviderName>;
  walkStart: PageNumberCursor<ProviderName>;
  afterLast: PageCursor | undefined;
  verify: boolean;
  recent: RecentIds;
  restarts: number;
}

/** One walk from `walk.walkStart`: its pages, then undefined at the end, or why (and after which page) to re-read. */
async function* pageNumberWalk(
  walk: Walk,
  signal: AbortSignal,
): AsyncGenerator<PagerPage, { shift: Shift; cursor: PageNumberCursor<ProviderName> } | undefined> {
  const { source, start, recent } = walk;
  let cursor = walk.walkStart;
  // The previous full page's boundary still to check: its probe page number (0: none) and last item id.
  let probePage = 0;
  let lastId = '';
  for (;;) {
    const response = await fetchPage(source, cursor.page, cursor.pageSize, signal);
    const data = response.items;
    if (probePage > 0) {
      const probe = await fetchPage(source, probePage, 1, signal);
      const found = probe.items.length > 0 ? source.adapter.idOf(probe.items[0]) : undefined;
      if (found !== lastId) {
        const detail = `page ${cursor.page - 1} ended with ${lastId}, now ${found ?? 'nothing'} is there`;
        return { shift: { detail, requestId: probe.requestId }, cursor };
      }
    }
    const short = data.length < cursor.pageSize;
    if (short && data.length > 0 && !(await nextPageIsEmpty(source, cursor, signal))) {
      // Fewer than asked: on the listing's first page a cap (stop, saying so); later a shift (re-read).
      if (walk.restarts === 0 && cursor.page === start.page) {
        const { requestId } = response;
        const error = new PageSizeError({ operation: 'list', cursor, served: data.length, requestId });
        yield hiddenPage(error.resumeCursor, requestId);
        throw error;
      }
      const detail = `page ${cursor.page} served ${data.length} of ${cursor.pageSize} collections and page ${cursor.page + 1} is not empty`;
      return { shift: { detail, requestId: response.requestId }, cursor };
    }
    const next = nextCursorAfter(cursor, response, 0, walk.afterLast);
    const built = toPage(source, response, 0, cursor, next, recent);
    const repeated = recent.repeatedId;
    if (repeated !== undefined) {
      return {
        shift: { detail: `collection ${repeated} was served twice`, requestId: response.requestId },
        cursor,
      };
    }
    if (recent.anchorLost(short)) {
      const detail = recent.anchorLostDetail(`page ${walk.walkStart.page}`);
      yield* giveUp(start, { detail, requestId: response.requestId }, walk.restarts, -1);
    }
    yield built;
    if (short) return undefined;
    if (walk.verify) {
      probePage = cursor.page * cursor.pageSize;
      lastId = source.adapter.idOf(data[data.length - 1]);
    }
    cursor = { ...cursor, page: cursor.page + 1 };
  }
}

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
  const recent = new RecentIds(pagesToKeep(1, start.pageSize));
  const walk: Walk = { source, start, walkStart: start, afterLast, verify, recent, restarts: 0 };
  for (;;) {
    const ended = yield* pageNumberWalk(walk, signal);
    if (ended === undefined) return;
    if (++walk.restarts > MAX_RESTARTS) yield* giveUp(start, ended.shift, MAX_RESTARTS, -1);
    // The remembered pages end with page `cursor.page - 1`; one page more covers deletions among them.
    const anchored = !recent.complete;
    const back = Math.max(start.page, ended.cursor.page - recent.walkPages - 1);
    walk.walkStart = anchored ? { ...start, page: back } : start;
    recent.startWalk(anchored);
  }
}
