import { fail } from '@commerce-collections/runtime/internal';
import type {
  ShoplazzaApiVersion,
  ShoplazzaClient,
  ShoplazzaClientOptions,
  ShoplazzaCollection,
  ValidShoplazzaParams,
} from '@commerce-collections/shoplazza';
import { createShoplazzaClient, validateShoplazzaQuery } from '@commerce-collections/shoplazza';
import { absoluteUrl } from '../absolute-url';
import type { CollectionModel, CollectionSeo } from '../collection';
import type { CommonQuery } from '../query';
import type { FilterValues, PageNumberCursor, ProviderAdapter, TokenCursor } from './adapter';

/** Shoplazza 2022-01 pages by page number, which only means something together with the page size. */
export type ShoplazzaCursor = PageNumberCursor<'shoplazza'>;

/** Shoplazza 2025-06 (`apiVersion: '2025-06'` in the `shoplazza` block) pages by the server's opaque token. */
export type Shoplazza2025Cursor = TokenCursor<'shoplazza'>;

/** Both versions' adapters: one client type, one item type, the style chosen by the client's apiVersion. */
type ShoplazzaAdapter = ProviderAdapter<
  'shoplazza',
  'page-number' | 'cursor',
  ShoplazzaClient<ShoplazzaApiVersion>,
  ShoplazzaClientOptions,
  ShoplazzaCollection,
  ValidShoplazzaParams
>;

/** Filters only Shoplazza has. Asking another provider for them is a ValidationError, never silently dropped. */
export interface ShoplazzaOnlyFilters {
  /** Updated at or after (Shoplazza `updated_at_min`). RFC 3339 with an offset, or a Date. */
  updatedAfter?: string | Date;
  /** Updated at or before (Shoplazza `updated_at_max`). RFC 3339 with an offset, or a Date. */
  updatedBefore?: string | Date;
  /** Collections containing this product (Shoplazza `product_id`). */
  productId?: string;
}

export interface ShoplazzaQuery extends CommonQuery, ShoplazzaOnlyFilters {
  provider: 'shoplazza';
}

/** "a, b,,c " → ['a', 'b', 'c']. */
function splitKeywords(value: unknown): string[] {
  return typeof value === 'string' ? value.split(',').flatMap((keyword) => keyword.trim() || []) : [];
}

// Every optional field is read with `?? undefined`: a server may send `null` for a field it has no value for, and
// the model promises `T | undefined` (absent), never `null` (see the README, "The model").
function seoOf(item: ShoplazzaCollection): CollectionSeo | undefined {
  const title = item.seo_title ?? undefined;
  const description = item.seo_description ?? undefined;
  const keywords = item.seo_keywords ?? undefined;
  if (title === undefined && description === undefined && keywords === undefined) return undefined;
  return { title, description, keywords: splitKeywords(keywords) };
}

function toCollection(item: ShoplazzaCollection): CollectionModel<'shoplazza', ShoplazzaCollection> {
  return {
    provider: 'shoplazza',
    id: item.id,
    title: item.title,
    handle: item.handle,
    description: item.description ?? undefined,
    imageUrl: absoluteUrl(item.image?.src),
    seo: seoOf(item),
    smart: item.smart ?? undefined,
    sortOrder: item.sort_order ?? undefined,
    createdAt: item.created_at ?? undefined,
    updatedAt: item.updated_at ?? undefined,
    raw: item,
  };
}

const NAMES = {
  title: 'search',
  updated_at_min: 'updatedAfter',
  updated_at_max: 'updatedBefore',
  product_id: 'productId',
};

function toParams(filters: FilterValues, operation: string) {
  const { ids, search: title, updatedAfter, updatedBefore, productId: product_id } = filters;
  const query = { ids, title, updated_at_min: updatedAfter, updated_at_max: updatedBefore, product_id };
  const params = validateShoplazzaQuery(query, { operation, names: NAMES });
  // Both are normalised to YYYY-MM-DDTHH:mm:ssZ, so string order is time order. The client sends any range;
  // the facade refuses one that can match nothing.
  const { updated_at_min: after, updated_at_max: before } = params;
  if (after !== undefined && before !== undefined && after > before)
    fail('updatedAfter', 'must not be later than updatedBefore', updatedAfter, {
      provider: 'shoplazza',
      operation,
    });
  return params;
}

const version2022: ShoplazzaAdapter = {
  name: 'shoplazza',
  label: 'Shoplazza',
  style: 'page-number',
  unsupported: [],
  createClient: createShoplazzaClient,
  toParams,
  fetchPage: async (client, params, page, limit, signal) => {
    const v2022 = client as ShoplazzaClient<'2022-01'>;
    const response = await v2022.listCollections({ page: page as number, limit, ...params }, { signal });
    return { items: response.collections, requestId: response.requestId };
  },
  idOf: (item) => item.id,
  toCollection,
};

/**
 * 2025-06: the same filters, items and model; pages by the server's token (null: the first page). The client
 * refuses a `has_more: true` page without a usable cursor (InvalidResponseError).
 */
const version2025: ShoplazzaAdapter = {
  ...version2022,
  style: 'cursor',
  fetchPage: async (client, params, token, page_size, signal) => {
    const query = { cursor: token === null ? undefined : (token as string), page_size, ...params };
    const v2025 = client as ShoplazzaClient<'2025-06'>;
    const response = await v2025.listCollections(query, { signal });
    const { collections: items, cursor: next, requestId } = response;
    return { items, next, requestId };
  },
};

export const shoplazzaAdapter: ShoplazzaAdapter = {
  ...version2022,
  forClient: (client) => (client.apiVersion === '2025-06' ? version2025 : version2022),
};
