import type { Collection, CollectionsPage } from '@commerce-collections/sdk';
import type { ListingStats } from './stats';

/**
 * The collections of `pages`, counting each page as the SDK hands it out. A request is not a page (Shoplazza's
 * boundary probes, retries), so pages are not counted from attempt events. Leaving the loop early ends the
 * SDK's page iterator, which stops its requests.
 */
export async function* collectionsCountingPages(
  pages: AsyncIterable<CollectionsPage>,
  stats: ListingStats,
): AsyncGenerator<Collection, void, undefined> {
  for await (const page of pages) {
    stats[page.provider].pages += 1;
    yield* page.items;
  }
}
