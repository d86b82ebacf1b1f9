import type { FetchedPage, OffsetCursor } from './adapters/adapter';
import type { ProviderName } from './adapters/registry';
import type { PagerContext, PagerPage, Shift, Source } from './pager';
import { fetchPage, reReading, toPage } from './pager';
import { pagesToKeep, RecentIds } from './recent-ids';

const ignore = (): void => {};

type Cursor = OffsetCursor<ProviderName>;

/** `skip` 1: the request starts one item early, on the previous page's last (checked, not shown). */
type Pending = { offset: number; skip: 0 | 1; response: Promise<FetchedPage<unknown>> };

/**
 * One walk's requests, in order, and what its pages taught so far. One controller per page, aborted from here (by
 * the listing's signal, or when the walk closes: a re-read aborts exactly its requests): over 10 listeners on one
 * signal make Node warn.
 */
function openWalk(source: Source, signal: AbortSignal) {
  const inFlight = new Set<AbortController>();
  const abortPages = (reason?: unknown): void => {
    for (const controller of inFlight) controller.abort(reason);
  };
  const onAbort = () => abortPages(signal.reason);
  signal.addEventListener('abort', onAbort, { once: true });
  const walk = {
    pending: [] as Pending[],
    limit: source.pageSize,
    firstTotal: -1,
    /** Offset of the first item the next page to schedule brings (`limit - 1` new items per overlapping page). */
    nextNew: Number.POSITIVE_INFINITY,
    lastId: undefined as string | undefined,
    request(offset: number, skip: 0 | 1): void {
      const controller = new AbortController();
      if (signal.aborted) controller.abort(signal.reason); // aborted before it began: send nothing
      inFlight.add(controller);
      const response = fetchPage(source, offset, walk.limit, controller.signal);
      // Requests abandoned by a break, an abort or a re-read reject later; nobody awaits them.
      response.finally(() => inFlight.delete(controller)).catch(ignore);
      walk.pending.push({ offset, skip, response });
    },
    requestNext(): void {
      walk.request(walk.nextNew - 1, 1);
      walk.nextNew += walk.limit - 1;
    },
    close(): void {
      signal.removeEventListener('abort', onAbort);
      abortPages();
    },
  };
  return walk;
}

type Walk = ReturnType<typeof openWalk>;

type Reason = Pick<Shift, 'detail' | 'lostAnchor'>;

function shiftAt(walk: Walk, at: number, response: FetchedPage<unknown>, reason: Reason): Shift {
  const { firstTotal: expectedTotal } = walk;
  return { at, expectedTotal, total: response.total as number, requestId: response.requestId, ...reason };
}

/** The walk's first page sets the page size; every later page must start with the previous page's last item. */
function checkStart(walk: Walk, source: Source, head: Pending, response: FetchedPage<unknown>) {
  const data = response.items;
  const total = response.total as number;
  if (head.skip === 0) {
    walk.firstTotal = total;
    // A server that caps `limit` shows it here; never ask for more, or every page would come back short.
    const full = Math.min(source.pageSize, total - head.offset);
    const served = data.length < full ? data.length : source.pageSize;
    walk.limit = Math.max(2, served); // an overlapping page needs room for one new item at least
    walk.nextNew = data.length === 0 ? Number.POSITIVE_INFINITY : head.offset + data.length;
    return undefined;
  }
  if ((data.length > 0 ? source.adapter.idOf(data[0]) : undefined) === walk.lastId) return undefined;
  const detail = `offsets shifted before offset ${head.offset + 1}; total ${walk.firstTotal} → ${total}`;
  return shiftAt(walk, head.offset + 1, response, { detail });
}

/** Keeps up to `concurrency` pages in flight up to `total`; a page short of it with nothing after goes on from it. */
function scheduleAfter(walk: Walk, concurrency: number, head: Pending, response: FetchedPage<unknown>) {
  const total = response.total as number;
  while (walk.pending.length < concurrency && walk.nextNew < total) walk.requestNext();
  if (walk.pending.length > 0) return undefined;
  // A page that brought nothing new is re-read like a shift, never taken as the end.
  if (response.items.length <= head.skip) {
    const detail = `offset ${head.offset} served no new collection of the ${total} counted`;
    return shiftAt(walk, head.offset + head.skip, response, { detail });
  }
  walk.nextNew = head.offset + response.items.length;
  walk.requestNext();
  return undefined;
}

/** One walk from `start`: its pages, then undefined at the end of the list, or why it must be re-read. */
async function* offsetWalk(
  source: Source,
  start: Cursor,
  concurrency: number,
  recent: RecentIds,
  signal: AbortSignal,
): AsyncGenerator<PagerPage, Shift | undefined> {
  const walk = openWalk(source, signal);
  try {
    walk.request(start.offset, 0);
    while (walk.pending.length > 0) {
      const head = walk.pending.shift()!;
      const response = await head.response;
      const data = response.items;
      const mismatch = checkStart(walk, source, head, response);
      if (mismatch !== undefined) return mismatch;
      if (data.length > head.skip) walk.lastId = source.adapter.idOf(data[data.length - 1]);
      // The end of the list as it was when read: pages still in flight (beyond a list that shrank) are not needed.
      const atEnd = head.offset + data.length >= (response.total as number);
      const stalled = atEnd ? undefined : scheduleAfter(walk, concurrency, head, response);
      if (stalled !== undefined) return stalled;
      const request = { provider: start.provider, offset: head.offset };
      const built = toPage(source, response, request, head.skip, recent);
      const problem = recent.problem(atEnd, `offset ${start.offset}`);
      if (problem !== undefined) return shiftAt(walk, head.offset + head.skip, response, problem);
      yield built;
      if (atEnd) return undefined;
    }
  } finally {
    walk.close();
  }
}

/**
 * Offset style: up to `concurrency` pages in flight, each after a walk's first starting on the previous page's last
 * item; a mismatch, a repeat or a stall re-reads (sdk README, "Collections added or removed while listing").
 */
export function offsetPages(
  source: Source,
  start: Cursor,
  signal: AbortSignal,
  { concurrency }: PagerContext,
): AsyncGenerator<PagerPage, void, undefined> {
  const recent = new RecentIds(pagesToKeep(concurrency, source.pageSize));
  const walk = (from: typeof start) => offsetWalk(source, from, concurrency, recent, signal);
  // The remembered ids end at `at - 1`; one page more covers deletions among them.
  const back = (at: number) => Math.max(start.offset, at - recent.walkSize - source.pageSize);
  return reReading(start, recent, walk, (at) => ({ ...start, offset: back(at) }));
}
