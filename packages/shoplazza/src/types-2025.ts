import type { ShoplazzaCollection, ShoplazzaListCollectionsParams } from './types';

/** Per-call options of `listCollections` on API version 2025-06: the 2022-01 filters, a cursor instead of pages. */
export interface Shoplazza2025ListCollectionsParams
  extends Omit<ShoplazzaListCollectionsParams, 'page' | 'limit'> {
  /** The previous page's `cursor` (opaque): 1–1024 characters, no control characters. Absent for the first page. */
  cursor?: string;
  /** Page size 1–100. Not sent when absent (server default 10). */
  page_size?: number;
}

export interface Shoplazza2025CollectionsPage {
  collections: ShoplazzaCollection[];
  /** The `cursor` to pass for the next page; undefined when the server says there is no more (`has_more` false). */
  cursor: string | undefined;
  /** The response's `data.has_more`. */
  hasMore: boolean;
  /** The `Request-Id` response header. */
  requestId: string | undefined;
}
