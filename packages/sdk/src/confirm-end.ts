import type { PageNumberCursor } from './adapters/adapter';
import { fetchPage, type Source } from './pager';

/**
 * Whether the page after `cursor` is empty. Page-number style sends no total: a page shorter than asked is the
 * end only if the server serves every page whole, and nothing guarantees that (Shoplazza documents a maximum of
 * 100, but a server may cap lower). So a short, non-empty page is trusted as the last one only once the next
 * page comes back empty. One request per listing: only the last page is short when the server serves what is
 * asked.
 */
export async function nextPageIsEmpty(
  source: Source,
  cursor: PageNumberCursor,
  signal: AbortSignal | undefined,
): Promise<boolean> {
  const next = await fetchPage(source, cursor.page + 1, cursor.pageSize, signal);
  return next.items.length === 0;
}
