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

type OffsetShift = Shift & { offset: number };

/** Why a walk ended early: re-read it, or give up when the re-read lost its anchor. */
interface WalkEnd {
  shift: OffsetShift;
  lostAnchor: boolean;
  firstTotal: number;
}

/** What one walk has learnt from its pages so far. */
interface WalkState {
  firstTotal: number;
  /** Offset of the first item the next page to schedule brings. */
  nextNew: number;
  /** New items per overlapping page. */
  step: number;
  lastId: string | undefined;
}

/** The requests of one walk, in order; its own controller, so a re-read (or the caller leaving) aborts exactly them. */
function openWindow(source: Source, signal: AbortSignal) {
  const walk = linkedAbort(signal);
  // A controller per page, aborted from here: at concurrency > 10, listeners on one signal make Node warn.
  const inFlight = new Set<AbortController>();
  const abortPages = (): void => {
    for (const controller of inFlight) controller.abort(walk.signal.reason);
  };
  walk.signal.addEventListener('abort', abortPages, { once: true });
  const window = {
    pending: [] as Pending[],
    limit: source.pageSize,
    request(offset: number, skip: 0 | 1): void {
      const controller = new AbortController();
      if (walk.signal.aborted) controller.abort(walk.signal.reason); // aborted before it began: send nothing
      inFlight.add(controller);
      const response = fetchPage(source, offset, window.limit, controller.signal);
      // Requests abandoned by a break, an abort or a re-read reject later; nobody awaits them.
      response.finally(() => inFlight.delete(controller)).catch(ignore);
      window.pending.push({ offset, skip, response });
    },
    close(): void {
      walk.abort();
      walk.signal.removeEventListener('abort', abortPages);
      walk.dispose();
    },
  };
  return window;
}

type Window = ReturnType<typeof openWindow>;

const shiftAt = (offset: number, response: FetchedPage<unknown>, detail: string): OffsetShift => {
  return { offset, total: response.total as number, requestId: response.requestId, detail };
};

/** The walk's first page sets the page size; every later page must start with the previous page's last item. */
function checkStart(
  state: WalkState,
  window: Window,
  head: Pending,
  response: FetchedPage<unknown>,
  source: Source,
) {
  const data = response.items;
  const total = response.total as number;
  if (head.skip === 0) {
    state.firstTotal = total;
    // A server that serves fewer than asked (HighLevel documents no maximum `limit`) shows it here;
    // never ask for more than it served, or every page would come back short.
    const full = Math.min(source.pageSize, total - head.offset);
    const served = data.length < full ? data.length : source.pageSize;
    window.limit = Math.max(2, served); // an overlapping page needs room for one new item at least
    state.step = window.limit - 1;
    state.nextNew = data.length === 0 ? Number.POSITIVE_INFINITY : head.offset + data.length;
    return undefined;
  }
  if ((data.length > 0 ? source.adapter.idOf(data[0]) : undefined) === state.lastId) return undefined;
  const detail = `offsets shifted before offset ${head.offset + 1}; total ${state.firstTotal} → ${total}`;
  return shiftAt(head.offset + 1, response, detail);
}

/** Keeps up to `concurrency` pages in flight up to `total`; a page short of it with nothing after goes on from it. */
function scheduleAfter(
  state: WalkState,
  window: Window,
  head: Pending,
  response: FetchedPage<unknown>,
  concurrency: number,
) {
  const data = response.items;
  const total = response.total as number;
  while (window.pending.length < concurrency && state.nextNew < total) {
    window.request(state.nextNew - 1, 1);
    state.nextNew += state.step;
  }
  if (window.pending.length > 0) return undefined;
  // A page that brought nothing new is re-read like a shift, never taken as the end.
  if (data.length <= head.skip) {
    const detail = `offset ${head.offset} served no new collection of the ${total} counted`;
    return shiftAt(head.offset + head.skip, response, detail);
  }
  state.nextNew = head.offset + data.length;
  window.request(state.nextNew - 1, 1);
  state.nextNew += state.step;
  return undefined;
}

interface Walk {
  source: Source;
  start: OffsetCursor<ProviderName>;
  afterLast: PageCursor | undefined;
  concurrency: number;
  recent: RecentIds;
}

/** One walk from `walk.start`: its pages, then undefined at the end of the list, or why it must be re-read. */
async function* offsetWalk(walk: Walk, signal: AbortSignal): AsyncGenerator<PagerPage, WalkEnd | undefined> {
  const { source, recent } = walk;
  const window = openWindow(source, signal);
  const state: WalkState = { firstTotal: -1, nextNew: Number.POSITIVE_INFINITY, step: 0, lastId: undefined };
  const end = (shift: OffsetShift, lostAnchor = false) => ({
    shift,
    lostAnchor,
    firstTotal: state.firstTotal,
  });
  try {
    window.request(walk.start.offset, 0);
    while (window.pending.length > 0) {
      const head = window.pending[0]!;
      const response = await head.response;
      window.pending.shift();
      const data = response.items;
      const mismatch = checkStart(state, window, head, response, source);
      if (mismatch !== undefined) return end(mismatch);
      if (data.length > head.skip) state.lastId = source.adapter.idOf(data[data.length - 1]);
      // The end of the list as it was when read: pages still in flight (beyond a list that shrank) are not needed.
      const atEnd = head.offset + data.length >= (response.total as number);
      const stalled = atEnd ? undefined : scheduleAfter(state, window, head, response, walk.concurrency);
      if (stalled !== undefined) return end(stalled);
      const provider = source.adapter.name;
      const next = nextCursorAfter({ provider, offset: head.offset }, response, head.skip, walk.afterLast);
      const cursor = { provider, offset: head.offset + head.skip };
      const built = toPage(source, response, head.skip, cursor, next, recent);
      const repeated = recent.repeatedId;
      if (repeated !== undefined)
        return end(shiftAt(cursor.offset, response, `collection ${repeated} was served twice`));
      if (recent.anchorLost(atEnd)) {
        const detail = `the re-read from offset ${walk.start.offset} met none of the ${recent.pagesKept} pages last read: more moved than the listing remembers`;
        return end(shiftAt(cursor.offset, response, detail), true);
      }
      yield built;
      if (atEnd) return undefined;
    }
    return undefined;
  } finally {
    window.close();
  }
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
  const recent = new RecentIds(pagesToKeep(concurrency, source.pageSize));
  let restarts = 0;
  let walkStart = start;
  for (;;) {
    const ended = yield* offsetWalk({ source, start: walkStart, afterLast, concurrency, recent }, signal);
    if (ended === undefined) return;
    const { shift, firstTotal } = ended;
    if (ended.lostAnchor) yield* giveUp(start, shift, restarts, firstTotal);
    // Resume from where this walk began: deletions may have shifted unseen items before the last page.
    if (++restarts > MAX_RESTARTS) yield* giveUp(start, shift, MAX_RESTARTS, firstTotal);
    // The remembered ids end at `shift.offset - 1`; one page more covers deletions among them.
    const anchored = !recent.complete;
    const back = recent.walkSize + source.pageSize;
    walkStart = anchored ? { ...start, offset: Math.max(start.offset, shift.offset - back) } : start;
    recent.startWalk(anchored);
  }
}
