import type { HighLevelClient, HighLevelCollectionsPage } from '@commerce-collections/highlevel';
import { buildHighLevelPage } from './build-page';
import { ConsistencyError } from './consistency-error';
import type { HighLevelCursor, PageCursor } from './cursor';
import { fetchHighLevelPage } from './fetch-highlevel-page';
import { linkedAbort } from './linked-abort';
import type { CollectionsPageOf } from './page';
import type { PagerPage } from './pager-types';
import type { ListPlan } from './resolve-query';

/** Re-reads allowed after the data changed mid-listing, before giving up with ConsistencyError. */
export const MAX_RESTARTS = 2;

const ignore = (): void => {};

interface Pending {
  offset: number;
  response: Promise<HighLevelCollectionsPage>;
}

interface Change {
  expected: number;
  actual: number;
  requestId: string | undefined;
  detail?: string;
}

/**
 * Every HighLevel page from `start`, in order. The first page's `total` says how many pages follow, so up to
 * `concurrency` of them are requested at once (the client's rate limiter paces them); pages are yielded in offset
 * order, and at most `concurrency` pages are ever in flight or waiting to be consumed.
 *
 * Offset shifting: collections inserted or deleted while paginating move items between offsets. Items are
 * deduplicated by id, so an insertion never yields a duplicate. A deletion could make an item skip past us
 * unseen; it also changes `total`, so when a page reports a different `total` (or is shorter than `total`
 * implies) the walk is aborted and re-read from `start`, skipping ids already yielded. After MAX_RESTARTS
 * re-reads it throws ConsistencyError.
 */
export async function* highLevelPages(
  client: HighLevelClient,
  plan: ListPlan,
  start: HighLevelCursor,
  afterLast: PageCursor | undefined,
  concurrency: number,
  signal: AbortSignal,
): AsyncGenerator<PagerPage<CollectionsPageOf<'highlevel'>>, void, undefined> {
  const seen = new Set<string>();
  let restarts = 0;
  for (;;) {
    // One walk; its own controller, so a re-read (or the caller leaving) aborts exactly its requests.
    const walk = linkedAbort(signal);
    const window: Pending[] = [];
    const request = (offset: number): void => {
      const response = fetchHighLevelPage(client, plan, offset, walk.signal);
      // Requests abandoned by a break, an abort or a re-read reject later; nobody awaits them.
      response.catch(ignore);
      window.push({ offset, response });
    };
    let total = -1;
    // Offsets step by the page size the server really serves: a server that caps `limit` below ours gives a
    // short first page, and stepping by our page size would skip the items in between.
    let stride = plan.pageSize;
    let nextOffset = start.offset;
    let changed: Change | undefined;
    try {
      request(nextOffset);
      while (window.length > 0) {
        const head = window[0]!;
        const response = await head.response;
        window.shift();
        const count = response.data.length;
        if (total === -1) {
          total = response.total;
          const full = Math.min(plan.pageSize, total - head.offset);
          if (count > 0 && count < full) stride = count;
          // An empty first page is the end, whatever `total` says: there is nothing to step from.
          nextOffset = count === 0 ? Number.POSITIVE_INFINITY : head.offset + stride;
        } else if (response.total !== total) {
          changed = { expected: total, actual: response.total, requestId: response.requestId };
          break;
        } else if (count !== Math.max(0, Math.min(stride, total - head.offset))) {
          changed = {
            expected: total,
            actual: total,
            requestId: response.requestId,
            detail: `the page at offset ${head.offset} had ${count} items`,
          };
          break;
        }
        while (window.length < concurrency && nextOffset < total) {
          request(nextOffset);
          nextOffset += stride;
        }
        yield buildHighLevelPage(response, { provider: 'highlevel', offset: head.offset }, afterLast, seen);
      }
    } finally {
      walk.abort();
      walk.dispose();
    }
    if (changed === undefined) return;
    restarts++;
    if (restarts > MAX_RESTARTS) {
      throw new ConsistencyError({
        expectedTotal: changed.expected,
        actualTotal: changed.actual,
        restarts: MAX_RESTARTS,
        requestId: changed.requestId,
        detail: changed.detail,
      });
    }
  }
}
