import { ValidationError } from '@commerce-collections/runtime';
import { buildHighLevelPage, buildShoplazzaPage } from './build-page';
import { nextPageIsEmpty } from './confirm-end';
import { fetchHighLevelPage } from './fetch-highlevel-page';
import { fetchShoplazzaPage } from './fetch-shoplazza-page';
import type { CollectionsPage } from './page';
import { PageSizeError } from './page-size-error';
import { nextProviderCursor, type PagerContext } from './pager-types';
import type { ListPlan } from './resolve-query';

/**
 * One page at `plan.start`: `listPage`. No dedupe (there is no listing to dedupe against) and no boundary probe;
 * a short, non-empty Shoplazza page costs one more request, to confirm it is the last.
 */
export async function listOnePage(
  context: PagerContext,
  plan: ListPlan,
  signal: AbortSignal | undefined,
): Promise<CollectionsPage> {
  const cursor = plan.start;
  const afterLast = nextProviderCursor(plan, cursor.provider);
  if (cursor.provider === 'highlevel') {
    const client = context.highlevel ?? notConfigured('highlevel');
    const response = await fetchHighLevelPage(client, plan, cursor.offset, plan.pageSize, signal);
    return buildHighLevelPage(response, cursor.offset, 0, afterLast, undefined).page;
  }
  const client = context.shoplazza ?? notConfigured('shoplazza');
  const response = await fetchShoplazzaPage(client, plan, cursor, signal);
  const served = response.collections.length;
  // A short page's `nextCursor` says "the end" only once the next page came back empty (see nextPageIsEmpty).
  if (served > 0 && served < cursor.pageSize && !(await nextPageIsEmpty(client, plan, cursor, signal))) {
    throw new PageSizeError({ operation: 'listPage', cursor, served, requestId: response.requestId });
  }
  return buildShoplazzaPage(response, cursor, afterLast, undefined).page;
}

// resolveQuery already refuses unconfigured providers; this keeps the types honest.
function notConfigured(provider: 'highlevel' | 'shoplazza'): never {
  throw new ValidationError({
    provider,
    operation: 'listPage',
    option: 'provider',
    rule: 'is not configured',
  });
}
