import type { RequestOptions, StrictClient } from '@commerce-collections/runtime/internal';
import type { ShoplazzaApiVersion } from './constants';
import type { components, paths } from './generated/openapi';

export type { components as ShoplazzaComponents, paths as ShoplazzaPaths } from './generated/openapi';
export type { RequestOptions };

// The package's public types: index.ts exports every one.

/** Per-call options of `listCollections` (and the facade's calls). */
export interface ShoplazzaListCollectionsParams {
  /** Only these collections; sent as one comma-separated value `ids=a,b`. */
  ids?: string[];
  /** Partial match on the title: 1–255 characters, no control characters. */
  title?: string;
  /** RFC 3339 with `Z` or an offset, or a Date; sent in UTC as `YYYY-MM-DDTHH:mm:ssZ`. */
  updated_at_min?: string | Date;
  /** RFC 3339 with `Z` or an offset, or a Date; sent in UTC as `YYYY-MM-DDTHH:mm:ssZ`. */
  updated_at_max?: string | Date;
  /** Only collections containing this product (a UUID). */
  product_id?: string;
  /** Page number from 1. Not sent when absent (server default 1). */
  page?: number;
  /** Page size 1–100. Not sent when absent (server default 10). */
  limit?: number;
}

/** Per-call options of `listCollections` on API version 2025-06: the 2022-01 filters, a cursor instead of pages. */
export interface Shoplazza2025ListCollectionsParams
  extends Omit<ShoplazzaListCollectionsParams, 'page' | 'limit'> {
  /** The previous page's `cursor` (opaque): 1–1024 characters, no control characters. Absent for the first page. */
  cursor?: string;
  /** Page size 1–100. Not sent when absent (server default 10). */
  page_size?: number;
}

export type ShoplazzaCollection = components['schemas']['Collection'];

/** A 2022-01 page: one shorter than `limit` (or empty) is the last one; there is no total. */
export interface ShoplazzaCollectionsPage {
  collections: ShoplazzaCollection[];
  /** The `Request-Id` response header. */
  requestId: string | undefined;
}

export interface Shoplazza2025CollectionsPage extends ShoplazzaCollectionsPage {
  /** The `cursor` to pass for the next page; undefined when the server says there is no more (`has_more` false). */
  cursor: string | undefined;
  /** The response's `data.has_more`. */
  hasMore: boolean;
}

/** A Shoplazza error body (`ApiError.body` of a JSON error response): `{ error }` or `{ errors }`. */
export type ShoplazzaErrorBody = components['schemas']['ShoplazzaError'];

/** The type of `ShoplazzaClient.raw`: openapi-fetch's `Client<ShoplazzaPaths>`, with unknown query keys refused. */
// The mapped copy of `paths` is needed only because an interface has no implicit index signature.
export type ShoplazzaRawClient = StrictClient<{ [Path in keyof paths]: paths[Path] }>;

/** What `listCollections` takes and returns on each API version. */
export interface ShoplazzaVersions {
  '2022-01': { params: ShoplazzaListCollectionsParams; page: ShoplazzaCollectionsPage };
  '2025-06': { params: Shoplazza2025ListCollectionsParams; page: Shoplazza2025CollectionsPage };
}

/** A client for one store; `V` is its `apiVersion` (default '2022-01'). */
export interface ShoplazzaClient<V extends ShoplazzaApiVersion = '2022-01'> {
  readonly provider: 'shoplazza';
  /** The API version `listCollections` calls. */
  readonly apiVersion: V;
  /** The store's domain prefix, when given. */
  readonly shop: string | undefined;
  /** The store's API origin (`https://<shop>.myshoplazza.com` or the override), without a trailing slash. */
  readonly baseUrl: string;
  /** The typed openapi-fetch client for both versions' paths (auth, headers, retries, timeouts, rate limit); never throws for a status. */
  readonly raw: ShoplazzaRawClient;
  /** One page of the store's collections. Throws typed errors (ValidationError before any request). */
  listCollections(
    params?: ShoplazzaVersions[V]['params'],
    options?: RequestOptions,
  ): Promise<ShoplazzaVersions[V]['page']>;
}
