import type { HighLevelCollection } from '@commerce-collections/highlevel';
import type { ShoplazzaCollection } from '@commerce-collections/shoplazza';
import type { Provider } from './provider-name';

/** Each provider's own list item, as its typed client returns it. */
export interface RawCollections {
  highlevel: HighLevelCollection;
  shoplazza: ShoplazzaCollection;
}

/** Search-engine metadata, the same shape for both providers. */
export interface CollectionSeo {
  title: string | undefined;
  description: string | undefined;
  /** Shoplazza's comma-separated `seo_keywords`, split and trimmed, empty entries dropped. HighLevel: []. */
  keywords: string[];
}

/**
 * One collection in the shared model. Fields a provider does not have are `undefined` (every item carries the
 * same keys, which keeps the objects one shape for the engine). `raw` is the provider's untouched item.
 */
export interface CollectionOf<P extends Provider> {
  provider: P;
  id: string;
  title: string;
  /** HighLevel: `slug`, or `_id` when the collection has no slug (the only stable URL-safe value it has). */
  handle: string;
  description: string | undefined;
  /** Always absolute: Shoplazza's protocol-relative `//cdn…` becomes `https://cdn…`. */
  imageUrl: string | undefined;
  seo: CollectionSeo | undefined;
  smart: boolean | undefined;
  /** Shoplazza's `sort_order`, as sent (unknown values are kept, not rejected). */
  sortOrder: string | undefined;
  /** ISO 8601, as the provider sent it. */
  createdAt: string | undefined;
  updatedAt: string | undefined;
  raw: RawCollections[P];
}

/** A collection from either provider; narrow on `provider` to get the typed `raw`. */
export type Collection = CollectionOf<'highlevel'> | CollectionOf<'shoplazza'>;
