import type { CollectionOf } from './collection';
import type { PageCursor } from './cursor';
import type { Provider } from './provider-name';

export interface CollectionsPageOf<P extends Provider> {
  provider: P;
  items: CollectionOf<P>[];
  /** Where this page starts. */
  cursor: PageCursor;
  /**
   * Where the next page starts, or undefined at the end. Over several providers, the last page of one points to
   * the first page of the next, so `listPage` can walk everything one cursor at a time.
   */
  nextCursor: PageCursor | undefined;
  /** HighLevel's count of all matching collections; Shoplazza sends none. */
  total: number | undefined;
  requestId: string | undefined;
}

export type CollectionsPage = CollectionsPageOf<'highlevel'> | CollectionsPageOf<'shoplazza'>;
