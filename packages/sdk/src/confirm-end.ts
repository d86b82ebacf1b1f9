import type { ShoplazzaClient } from '@commerce-collections/shoplazza';
import type { ShoplazzaCursor } from './cursor';
import { fetchShoplazzaPage } from './fetch-shoplazza-page';
import type { ListPlan } from './resolve-query';

/**
 * Whether the page after `cursor` is empty. Shoplazza sends no total: a page shorter than asked is the end only
 * if the server serves every page whole, and nothing guarantees that (it documents a maximum of 100, but a
 * server may cap lower). So a short, non-empty page is trusted as the last one only once the next page comes
 * back empty. One request per listing: only the last page is short when the server serves what is asked.
 */
export async function nextPageIsEmpty(
  client: ShoplazzaClient,
  plan: ListPlan,
  cursor: ShoplazzaCursor,
  signal: AbortSignal | undefined,
): Promise<boolean> {
  const next: ShoplazzaCursor = { provider: 'shoplazza', page: cursor.page + 1, pageSize: cursor.pageSize };
  const response = await fetchShoplazzaPage(client, plan, next, signal);
  return response.collections.length === 0;
}
