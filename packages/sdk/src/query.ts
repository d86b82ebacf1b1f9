import type { ProviderName, ProviderQueries } from './adapters/registry';
import type { ShoplazzaOnlyFilters } from './adapters/shoplazza';
import type { PageCursor } from './cursor';

/** Filters every provider honours. */
export interface CommonQuery {
  /** Only these collections (HighLevel `collectionIds`, Shoplazza `ids`). */
  ids?: readonly string[];
  /** Search by name/title (HighLevel `name`, Shoplazza `title`, partial match). */
  search?: string;
  /** Items per request, 1–100. Default 100: the fewest requests under the providers' rate limits. */
  pageSize?: number;
}

/** One provider's query (see the adapter modules for each). */
export type ProviderQuery = ProviderQueries[ProviderName];

/** Every configured provider, in registry order. Provider-only filters fail unless only that provider is configured. */
export interface AllProvidersQuery extends CommonQuery, ShoplazzaOnlyFilters {
  provider?: 'all';
}

export type ListQuery = ProviderQuery | AllProvidersQuery;

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
