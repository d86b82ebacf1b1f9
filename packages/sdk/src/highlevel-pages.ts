import type { HighLevelClient, HighLevelCollectionsPage } from '@commerce-collections/highlevel';
import { buildHighLevelPage } from './build-page';
import { ConsistencyError } from './consistency-error';
import type { HighLevelCursor, PageCursor } from './cursor';
import { fetchHighLevelPage } from './fetch-highlevel-page';
import { linkedAbort } from './linked-abort';
import type { CollectionsPageOf } from './page';
import type { PagerPage } from './pager-types';
import type { ListPlan } from './resolve-query';

/** Re-reads allowed after `total` changed mid-listing, before giving up with ConsistencyError. */
export const MAX_RESTARTS = 2;

const ignore = (): void => {};

interface Pending {
  offset: number;
  response: Promise<HighLevelCollectionsPage>;
}

/**
 * Every HighLevel page from `start`, in order. The first page's `total` says how many pages follow, so up to
 * `concurrency` of them are requested at once (the client's rate limiter paces them); pages are yielded in offset
 * order, and at most `concurrency` pages are ever in flight or waiting to be consumed.
 *
 * Offset shifting: collections inserted or deleted while paginating move items between offsets. Items are
 * deduplicated by id, so an insertion never yields a duplicate. A deletion could make an item skip past us
 * unseen; it also changes `total`, so when a page reports a different `total` the walk is aborted and re-read
 * from `start` (already-yielded ids are skipped). After MAX_RESTARTS re-reads it throws ConsistencyError.
 */
export async function* highLevelPages(
  client: HighLevelClient,
  plan: ListPlan,
  start: HighLevelCursor,
  afterLast: PageCursor | undefined,
  concurrency: number,
  signal: AbortSignal,
): AsyncGenerator<PagerPage<CollectionsPageOf<'highlevel'>>, void, undefined> {
  const pageSize = plan.pageSize;
  const seen = new Set<string>();
  let restarts = 0;
  for (;;) {
    // One walk; its own controller, so a re-read (or the caller leaving) aborts exactly its requests.
    const walk = linkedAbort(signal);
    const window: Pending[] = [];
    let nextOffset = start.offset;
    let total: number | undefined;
    const request = (offset: number): void => {
      const response = fetchHighLevelPage(client, plan, offset, walk.signal);
      // Requests abandoned by a break, an abort or a re-read reject later; nobody awaits them.
      response.catch(ignore);
      window.push({ offset, response });
    };
    let changed: { expected: number; actual: number; requestId: string | undefined } | undefined;
    try {
      request(nextOffset);
      nextOffset += pageSize;
      while (window.length > 0) {
        const head = window[0]!;
        const response = await head.response;
        window.shift();
        if (total === undefined) total = response.total;
        else if (response.total !== total) {
          changed = { expected: total, actual: response.total, requestId: response.requestId };
          break;
        }
        while (window.length < concurrency && nextOffset < total) {
          request(nextOffset);
          nextOffset += pageSize;
        }
        yield buildHighLevelPage(
          response,
          { provider: 'highlevel', offset: head.offset },
          pageSize,
          afterLast,
          seen,
        );
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
      });
    }
  }
}
