import { ValidationError } from '@commerce-collections/runtime';
import { buildHighLevelPage, buildShoplazzaPage } from './build-page';
import { fetchHighLevelPage } from './fetch-highlevel-page';
import { fetchShoplazzaPage } from './fetch-shoplazza-page';
import type { CollectionsPage } from './page';
import { nextProviderCursor, type PagerContext } from './pager-types';
import type { ListPlan } from './resolve-query';

/** One page at `plan.start`, nothing more: `listPage`. No dedupe (there is no listing to dedupe against). */
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
