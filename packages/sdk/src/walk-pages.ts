import { AbortedError } from '@commerce-collections/runtime/internal';
import type { ProviderName } from './adapters/registry';
import type { AnyCursor, PageCursor } from './cursor';
import { cursorPages } from './cursor-pages';
import { offsetPages } from './offset-pages';
import { pageNumberPages } from './page-number-pages';
import { nextProviderCursor, type PagerContext, sourceOf } from './pager';
import { attachProgress } from './progress';
import type { ListPlan } from './resolve-query';

/** One walk per pagination style; each takes the start cursor of its own style. */
const WALKS = { offset: offsetPages, 'page-number': pageNumberPages, cursor: cursorPages };

function pagesOf(context: PagerContext, plan: ListPlan, cursor: AnyCursor, signal: AbortSignal) {
  const source = sourceOf(context, plan, cursor.provider);
  return WALKS[source.adapter.style](source, cursor as never, signal, context);
}

/**
 * All pages of the plan, provider after provider, from `plan.start`. Leaving early (`break`) or the caller's
 * signal aborts every request in flight. An error thrown carries `progress` (the first page not yet yielded).
 */
export async function* walkPages(context: PagerContext, plan: ListPlan, callerSignal?: AbortSignal) {
  // The listing's own signal: it follows the caller's, and aborts when the listing ends (a `break` too).
  const controller = new AbortController();
  const { signal } = controller;
  const follow = (): void => controller.abort(callerSignal?.reason);
  if (callerSignal?.aborted) follow();
  else callerSignal?.addEventListener('abort', follow, { once: true });
  let cursor: AnyCursor | undefined = plan.start;
  let provider: ProviderName = cursor.provider;
  let resumeCursor = cursor as PageCursor;
  let yielded = 0;
  try {
    while (cursor !== undefined) {
      provider = cursor.provider;
      yielded = 0;
      for await (const { page, duplicatesOnly } of pagesOf(context, plan, cursor, signal)) {
        // Pages already fetched are not handed out after an abort: the caller asked to stop.
        if (signal.aborted) {
          throw new AbortedError({ provider, operation: 'list', attempts: 0, cause: signal.reason });
        }
        yielded += page.items.length; // none on a duplicatesOnly page
        if (!duplicatesOnly) yield page;
        if (page.nextCursor !== undefined) resumeCursor = page.nextCursor;
      }
      cursor = nextProviderCursor(plan, provider);
      if (cursor !== undefined) resumeCursor = cursor as PageCursor;
    }
  } catch (error) {
    throw attachProgress(error, { provider, yielded, resumeCursor });
  } finally {
    controller.abort();
    callerSignal?.removeEventListener('abort', follow);
  }
}
