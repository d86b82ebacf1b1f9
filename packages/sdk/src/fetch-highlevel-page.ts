import type { HighLevelClient, HighLevelCollectionsPage } from '@commerce-collections/highlevel';
import type { ListPlan } from './resolve-query';

/** One HighLevel request: the plan's filters plus offset/limit. */
export function fetchHighLevelPage(
  client: HighLevelClient,
  plan: ListPlan,
  offset: number,
  limit: number,
  signal: AbortSignal | undefined,
): Promise<HighLevelCollectionsPage> {
  const filters = plan.highlevel;
  return client.listCollections(
    { limit, offset, collectionIds: filters.collectionIds, name: filters.name },
    { signal },
  );
}
