import type { PageNumberCursor } from './adapters/adapter';
import type { ProviderName } from './adapters/registry';
import { PageSizeError } from './page-size-error';
import type { PagerContext, Source } from './pager';
import { fetchPage, hiddenPage, nextPageIsEmpty, reReading, toPage } from './pager';
import { pagesToKeep, RecentIds } from './recent-ids';

type Cursor = PageNumberCursor<ProviderName>;

interface Walk {
  source: Source;
  /** Where the listing began. */
  start: Cursor;
  verify: boolean;
  recent: RecentIds;
}

/** One walk from `from`: its pages, then undefined at the end, or why (and at which page) to re-read. */
async function* pageNumberWalk(walk: Walk, from: Cursor, restarts: number, signal: AbortSignal) {
  const { source, start, recent } = walk;
  let cursor = from;
  // The previous full page's boundary still to check: its probe page number (0: none) and last item id.
  let probePage = 0;
  let lastId = '';
  for (;;) {
    const response = await fetchPage(source, cursor.page, cursor.pageSize, signal);
    const data = response.items;
    const at = cursor.page;
    if (probePage > 0) {
      const probe = await fetchPage(source, probePage, 1, signal);
      const found = probe.items.length > 0 ? source.adapter.idOf(probe.items[0]) : undefined;
      if (found !== lastId) {
        const detail = `page ${at - 1} ended with ${lastId}, now ${found ?? 'nothing'} is there`;
        return { detail, requestId: probe.requestId, at };
      }
    }
    const { requestId } = response;
    const short = data.length < cursor.pageSize;
    if (short && data.length > 0 && !(await nextPageIsEmpty(source, cursor, signal))) {
      // Fewer than asked: on the listing's first page a cap (stop, saying so); later a shift (re-read).
      if (restarts === 0 && at === start.page) {
        const error = new PageSizeError({ operation: 'list', cursor, served: data.length, requestId });
        yield hiddenPage(error.resumeCursor, requestId);
        throw error;
      }
      const detail = `page ${at} served ${data.length} of ${cursor.pageSize} collections and page ${at + 1} is not empty`;
      return { detail, requestId, at };
    }
    const built = toPage(source, response, cursor, 0, recent);
    const problem = recent.problem(short, `page ${from.page}`);
    if (problem !== undefined) return { ...problem, requestId, at };
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
 * Page-number style: one page at a time until an empty page or a short one whose next page is empty. With `verify`,
 * the boundary after full page k (size L) is probed (`{ page: k·L, limit: 1 }`) right AFTER page k+1, which is
 * held until it checks out (sdk README, "Collections added or removed while listing").
 */
export function pageNumberPages(source: Source, start: Cursor, signal: AbortSignal, context: PagerContext) {
  const recent = new RecentIds(pagesToKeep(1, start.pageSize));
  const walk: Walk = { source, start, verify: context.verifyPageBoundaries, recent };
  // The remembered pages end with page `at - 1`; one page more covers deletions among them.
  const rewind = (at: number) => ({ ...start, page: Math.max(start.page, at - recent.walkPages - 1) });
  return reReading(start, recent, (from, restarts) => pageNumberWalk(walk, from, restarts, signal), rewind);
}
