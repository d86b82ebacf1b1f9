import type { ProviderName, RawOf } from './adapters/registry';

/** Each provider's own list item, as its typed client returns it. */
export type RawCollections = { [P in ProviderName]: RawOf<P> };

/** Search-engine metadata, the same shape for every provider. */
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
export interface CollectionModel<P extends string, Raw> {
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
  raw: Raw;
}

/** One provider's collection (distributes over a union of providers). */
export type CollectionOf<P extends ProviderName> = P extends ProviderName
  ? CollectionModel<P, RawCollections[P]>
  : never;

/** A collection from any provider; narrow on `provider` to get the typed `raw`. */
export type Collection = CollectionOf<ProviderName>;
