import type { ProviderName } from './adapters/registry';
import type { CollectionOf } from './collection';
import type { PageCursor } from './cursor';

export interface PageModel<P extends ProviderName> {
  provider: P;
  items: CollectionOf<P>[];
  /** Where this page starts. */
  cursor: PageCursor;
  /**
   * Where the next page starts, or undefined at the end. Over several providers, the last page of one points to
   * the first page of the next, so `listPage` can walk everything one cursor at a time.
   */
  nextCursor: PageCursor | undefined;
  /** The count of all matching collections, from providers that send one (offset style); else undefined. */
  total: number | undefined;
  requestId: string | undefined;
}

/** One provider's page (distributes over a union of providers). */
export type CollectionsPageOf<P extends ProviderName> = P extends ProviderName ? PageModel<P> : never;

export type CollectionsPage = CollectionsPageOf<ProviderName>;
