import { PageSizeError } from './page-size-error';
import { fetchPage, nextPageIsEmpty, type PagerContext, sourceOf, toPage } from './pager';
import type { ListPlan } from './resolve-query';

/** `listPage`: no dedupe (no listing to dedupe against), no probe; a short page-number page is confirmed last. */
export async function listOnePage(context: PagerContext, plan: ListPlan, signal?: AbortSignal) {
  const cursor = plan.start;
  const source = sourceOf(context, plan, cursor.provider);
  const position = 'token' in cursor ? cursor.token : 'offset' in cursor ? cursor.offset : cursor.page;
  const limit = 'page' in cursor ? cursor.pageSize : plan.pageSize;
  const response = await fetchPage(source, position, limit, signal);
  const served = response.items.length;
  // A short page's `nextCursor` says "the end" only once the next page came back empty (see nextPageIsEmpty).
  const short = 'page' in cursor && served > 0 && served < cursor.pageSize;
  if (short && !(await nextPageIsEmpty(source, cursor, signal))) {
    throw new PageSizeError({ operation: 'listPage', cursor, served, requestId: response.requestId });
  }
  return toPage(source, response, cursor, 0).page;
}
