import type {
  ShoplazzaClient,
  ShoplazzaCollection,
  ValidShoplazzaParams,
} from '@commerce-collections/shoplazza';
import type { FetchedPage } from './adapter';

/**
 * One Shoplazza 2025-06 page at the token (null: the first page). `next` is the server's cursor while it says
 * there is more; the client refuses a `has_more: true` page without a usable cursor (InvalidResponseError).
 */
export async function fetchPage2025(
  client: ShoplazzaClient<'2022-01' | '2025-06'>,
  params: ValidShoplazzaParams,
  token: number | string | null,
  pageSize: number,
  signal: AbortSignal | undefined,
): Promise<FetchedPage<ShoplazzaCollection>> {
  const v2025 = client as ShoplazzaClient<'2025-06'>;
  const position = token === null ? {} : { cursor: token as string };
  const response = await v2025.listCollections({ ...params, ...position, page_size: pageSize }, { signal });
  return {
    items: response.collections,
    total: undefined,
    next: response.cursor,
    requestId: response.requestId,
  };
}
