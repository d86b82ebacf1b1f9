import type { FetchedPage, OffsetCursor } from './adapters/adapter';
import type { ProviderName } from './adapters/registry';
import type { PageCursor } from './cursor';
import { linkedAbort } from './linked-abort';
import {
  fetchPage,
  giveUp,
  MAX_RESTARTS,
  nextCursorAfter,
  type PagerPage,
  type Shift,
  type Source,
  toPage,
} from './pager';
import { pagesToKeep, RecentIds } from './recent-ids';

const ignore = (): void => {};

interface Pending {
  /** Where the request starts: one item before the page's first new item, except for a walk's first page. */
  offset: number;
  /** 1 when the first item is the overlap with the previous page (checked, not shown). */
  skip: 0 | 1;
  response: Promise<FetchedPage<unknown>>;
}

/**
 * Offset style (HighLevel): every page from `start`, up to `concurrency` in flight. Every page after a walk's
 * first starts one item early, on the previous page's last; a mismatch, a repeat or a page short of `total` with
 * nothing after it re-reads the walk (see the sdk README, "Collections added or removed while listing").
 */
export async function* offsetPages(
  source: Source,
  start: OffsetCursor<ProviderName>,
  afterLast: PageCursor | undefined,
  concurrency: number,
  signal: AbortSignal,
): AsyncGenerator<PagerPage, void, undefined> {
  const { pageSize } = source;
  const idOf = (item: unknown): string => source.adapter.idOf(item);
  const recent = new RecentIds(pagesToKeep(concurrency, pageSize));
  let restarts = 0;
  let walkStart = start;
  for (;;) {
    // Its own controller, so a re-read (or the caller leaving) aborts exactly its requests.
    const walk = linkedAbort(signal);
    const window: Pending[] = [];
    // A controller per page, aborted from here: at concurrency > 10, listeners on one signal make Node warn.
    const inFlight = new Set<AbortController>();
    const abortPages = (): void => {
      for (const controller of inFlight) controller.abort(walk.signal.reason);
    };
    walk.signal.addEventListener('abort', abortPages, { once: true });
    let limit = pageSize;
    const request = (offset: number, skip: 0 | 1): void => {
      const controller = new AbortController();
      if (walk.signal.aborted) controller.abort(walk.signal.reason); // aborted before it began: send nothing
      inFlight.add(controller);
      const response = fetchPage(source, offset, limit, controller.signal);
      // Requests abandoned by a break, an abort or a re-read reject later; nobody awaits them.
      response.finally(() => inFlight.delete(controller)).catch(ignore);
      window.push({ offset, skip, response });
    };
    let firstTotal = -1;
    let nextNew = Number.POSITIVE_INFINITY; // offset of the first item the next page to schedule brings
    let step = 0; // new items per overlapping page
    let lastId: string | undefined;
    let shifted: (Shift & { offset: number }) | undefined;
    let lostAnchor: Shift | undefined;
    const shift = (offset: number, response: FetchedPage<unknown>, detail: string) => {
      return { offset, total: response.total as number, requestId: response.requestId, detail };
    };
    try {
      request(walkStart.offset, 0);
      while (window.length > 0) {
        const head = window[0]!;
        const response = await head.response;
        window.shift();
        const data = response.items;
        // Offset style: every page counts the matching items.
        const total = response.total as number;
        if (head.skip === 0) {
          firstTotal = total;
          // A server that serves fewer than asked (HighLevel documents no maximum `limit`) shows it here;
          // never ask for more than it served, or every page would come back short.
          const full = Math.min(pageSize, total - head.offset);
          const served = data.length < full ? data.length : pageSize;
          limit = Math.max(2, served); // an overlapping page needs room for one new item at least
          step = limit - 1;
          nextNew = data.length === 0 ? Number.POSITIVE_INFINITY : head.offset + data.length;
        } else if ((data.length > 0 ? idOf(data[0]) : undefined) !== lastId) {
          const detail = `offsets shifted before offset ${head.offset + 1}; total ${firstTotal} → ${total}`;
          shifted = shift(head.offset + 1, response, detail);
          break;
        }
        if (data.length > head.skip) lastId = idOf(data[data.length - 1]);
        // The end of the list as it was when read: pages still in flight (beyond a list that shrank) are not needed.
        const atEnd = head.offset + data.length >= total;
        if (atEnd) nextNew = Number.POSITIVE_INFINITY;
        else {
          while (window.length < concurrency && nextNew < total) {
            request(nextNew - 1, 1);
            nextNew += step;
          }
          if (window.length === 0) {
            // Short of `total` with nothing scheduled after it: go on from where it ended; a page that brought
            // nothing new is re-read like a shift, never taken as the end.
            if (data.length <= head.skip) {
              const detail = `offset ${head.offset} served no new collection of the ${total} counted`;
              shifted = shift(head.offset + head.skip, response, detail);
              break;
            }
            nextNew = head.offset + data.length;
            request(nextNew - 1, 1);
            nextNew += step;
          }
        }
        const provider = source.adapter.name;
        const next = nextCursorAfter({ provider, offset: head.offset }, response, head.skip, afterLast);
        const cursor = { provider, offset: head.offset + head.skip };
        const built = toPage(source, response, head.skip, cursor, next, recent);
        const repeated = recent.repeatedId;
        if (repeated !== undefined) {
          shifted = shift(cursor.offset, response, `collection ${repeated} was served twice`);
          break;
        }
        if (recent.anchorLost(atEnd)) {
          const detail = `the re-read from offset ${walkStart.offset} met none of the ${recent.pagesKept} pages last read: more moved than the listing remembers`;
          lostAnchor = shift(cursor.offset, response, detail);
          break;
        }
        yield built;
        if (atEnd) return;
      }
    } finally {
      walk.abort();
      walk.signal.removeEventListener('abort', abortPages);
      walk.dispose();
    }
    if (lostAnchor !== undefined) yield* giveUp(start, lostAnchor, restarts, firstTotal);
    if (shifted === undefined) return;
    // Resume from where this walk began: deletions may have shifted unseen items before the last page.
    if (++restarts > MAX_RESTARTS) yield* giveUp(start, shifted, MAX_RESTARTS, firstTotal);
    // The remembered ids end at `shifted.offset - 1`; one page more covers deletions among them.
    const anchored = !recent.complete;
    const back = recent.walkSize + pageSize;
    walkStart = anchored ? { ...start, offset: Math.max(start.offset, shifted.offset - back) } : start;
    recent.startWalk(anchored);
  }
}
