import type { ShoplazzaClient, ShoplazzaCollectionsPage } from '@commerce-collections/shoplazza';
import type { ShoplazzaCursor } from './cursor';
import type { ListPlan } from './resolve-query';

/** One Shoplazza request: the plan's filters plus page/limit (the cursor's page size, see ShoplazzaCursor). */
export function fetchShoplazzaPage(
  client: ShoplazzaClient,
  plan: ListPlan,
  cursor: ShoplazzaCursor,
  signal: AbortSignal | undefined,
): Promise<ShoplazzaCollectionsPage> {
  const filters = plan.shoplazza;
  return client.listCollections(
    {
      ids: filters.ids,
      title: filters.title,
      updated_at_min: filters.updated_at_min,
      updated_at_max: filters.updated_at_max,
      product_id: filters.product_id,
      page: cursor.page,
      limit: cursor.pageSize,
    },
    { signal },
  );
}
