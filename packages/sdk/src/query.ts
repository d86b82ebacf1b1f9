import type { PageCursor } from './cursor';

/** Filters both providers honour. */
export interface CommonQuery {
  /** Only these collections (HighLevel `collectionIds`, Shoplazza `ids`). */
  ids?: readonly string[];
  /** Search by name/title (HighLevel `name`, Shoplazza `title`, partial match). */
  search?: string;
  /** Items per request, 1–100. Default 100: the fewest requests under both providers' rate limits. */
  pageSize?: number;
}

/** Filters only Shoplazza has. Asking HighLevel for them is a ValidationError, never silently dropped. */
export interface ShoplazzaOnlyFilters {
  /** Updated at or after (Shoplazza `updated_at_min`). RFC 3339 with an offset, or a Date. */
  updatedAfter?: string | Date;
  /** Updated at or before (Shoplazza `updated_at_max`). RFC 3339 with an offset, or a Date. */
  updatedBefore?: string | Date;
  /** Collections containing this product (Shoplazza `product_id`). */
  productId?: string;
}

export interface HighLevelQuery extends CommonQuery {
  provider: 'highlevel';
  updatedAfter?: never;
  updatedBefore?: never;
  productId?: never;
}

export interface ShoplazzaQuery extends CommonQuery, ShoplazzaOnlyFilters {
  provider: 'shoplazza';
}

/** Every configured provider, HighLevel first. Shoplazza-only filters fail unless only Shoplazza is configured. */
export interface AllProvidersQuery extends CommonQuery, ShoplazzaOnlyFilters {
  provider?: 'all';
}

export type ListQuery = HighLevelQuery | ShoplazzaQuery | AllProvidersQuery;

/** `listPage` takes the query plus where to start (a `cursor`/`nextCursor` of an earlier page). */
export type PageQuery<Q extends ListQuery = ListQuery> = Q & { cursor?: PageCursor };

export interface ListOptions {
  /** Aborts the listing: no further requests, in-flight ones are aborted, the iterator throws AbortedError. */
  signal?: AbortSignal;
  /** Continue a failed listing from `getListProgress(error).resumeCursor`, with the same query. */
  resumeFrom?: PageCursor;
}

export interface PageOptions {
  signal?: AbortSignal;
}
