import type { HighLevelCollection } from '@commerce-collections/highlevel';
import { createHighLevelClient, validateHighLevelQuery } from '@commerce-collections/highlevel';
import { absoluteUrl } from '../absolute-url';
import type { CollectionModel, CollectionSeo } from '../collection';
import type { CommonQuery } from '../query';
import { defineAdapter, type OffsetCursor } from './adapter';

/** HighLevel pages by item index. */
export type HighLevelCursor = OffsetCursor<'highlevel'>;

export interface HighLevelQuery extends CommonQuery {
  provider: 'highlevel';
  updatedAfter?: never;
  updatedBefore?: never;
  productId?: never;
}

// Optional fields are read with `?? undefined`: a server may send `null` for a field it has no value for, and the
// model promises `T | undefined` (absent), never `null` (see the README, "The model").
function seoOf(seo: HighLevelCollection['seo']): CollectionSeo | undefined {
  if (seo === undefined || seo === null) return undefined;
  return { title: seo.title ?? undefined, description: seo.description ?? undefined, keywords: [] };
}

function toCollection(item: HighLevelCollection): CollectionModel<'highlevel', HighLevelCollection> {
  const slug = item.slug;
  return {
    provider: 'highlevel',
    id: item._id,
    title: item.name,
    handle: typeof slug === 'string' && slug.length > 0 ? slug : item._id,
    description: undefined,
    imageUrl: absoluteUrl(item.image),
    seo: seoOf(item.seo),
    smart: undefined,
    sortOrder: undefined,
    createdAt: item.createdAt ?? undefined,
    updatedAt: undefined,
    raw: item,
  };
}

export const highLevelAdapter = defineAdapter({
  name: 'highlevel',
  label: 'HighLevel',
  style: 'offset',
  unsupported: ['updatedAfter', 'updatedBefore', 'productId'],
  createClient: createHighLevelClient,
  toParams: (filters, operation) =>
    validateHighLevelQuery(
      { collectionIds: filters.ids, name: filters.search },
      { operation, names: { collectionIds: 'ids', name: 'search' } },
    ),
  fetchPage: async (client, params, offset, limit, signal) => {
    const response = await client.listCollections({ offset, limit, ...params }, { signal });
    return { items: response.data, total: response.total, requestId: response.requestId };
  },
  idOf: (item) => item._id,
  toCollection,
});
