import { AbortedError } from '@commerce-collections/runtime';
import type { PageCursor } from './cursor';
import { highLevelPages } from './highlevel-pages';
import { linkedAbort } from './linked-abort';
import type { CollectionsPage } from './page';
import { nextProviderCursor, type PagerContext, type PagerPage } from './pager-types';
import { attachProgress } from './progress';
import type { Provider } from './provider-name';
import type { ListPlan } from './resolve-query';
import { shoplazzaPages } from './shoplazza-pages';

function pagesOf(
  context: PagerContext,
  plan: ListPlan,
  cursor: PageCursor,
  signal: AbortSignal,
): AsyncGenerator<PagerPage> {
  const afterLast = nextProviderCursor(plan, cursor.provider);
  // resolveQuery only lets configured providers through, so the clients exist here.
  return cursor.provider === 'highlevel'
    ? highLevelPages(context.highlevel!, plan, cursor, afterLast, context.concurrency, signal)
    : shoplazzaPages(context.shoplazza!, plan, cursor, afterLast, context.verifyPageBoundaries, signal);
}

/**
 * All pages of the plan, provider after provider, from `plan.start`. Leaving early (`return()` of the iterator,
 * i.e. `break` in `for await`) or the caller's signal aborts every request still in flight. Any error thrown
 * carries `progress` (see getListProgress) pointing at the first page not yet yielded.
 */
export async function* walkPages(
  context: PagerContext,
  plan: ListPlan,
  callerSignal: AbortSignal | undefined,
): AsyncGenerator<CollectionsPage, void, undefined> {
  const abort = linkedAbort(callerSignal);
  let cursor: PageCursor | undefined = plan.start;
  let provider: Provider = cursor.provider;
  let resumeCursor: PageCursor = cursor;
  let yielded = 0;
  try {
    while (cursor !== undefined) {
      provider = cursor.provider;
      yielded = 0;
      for await (const { page, duplicatesOnly } of pagesOf(context, plan, cursor, abort.signal)) {
        // Pages already fetched are not handed out after an abort: the caller asked to stop.
        if (abort.signal.aborted) {
          throw new AbortedError({ provider, operation: 'list', attempts: 0, cause: abort.signal.reason });
        }
        if (!duplicatesOnly) {
          yielded += page.items.length;
          yield page;
        }
        if (page.nextCursor !== undefined) resumeCursor = page.nextCursor;
      }
      cursor = nextProviderCursor(plan, provider);
      if (cursor !== undefined) resumeCursor = cursor;
    }
  } catch (error) {
    throw attachProgress(error, { provider, yielded, resumeCursor });
  } finally {
    abort.abort();
    abort.dispose();
  }
}
