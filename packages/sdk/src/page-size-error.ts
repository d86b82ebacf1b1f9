import { brand, CommerceCollectionsError } from '@commerce-collections/runtime/internal';
import type { PageNumberCursor } from './adapters/adapter';
import { adapterOf, type ProviderName } from './adapters/registry';
import type { PageCursor } from './cursor';

/** The largest page size of at most `served` that divides `itemsBefore`: a cursor can point there exactly. */
export function resumablePageSize(itemsBefore: number, served: number): number {
  for (let size = served; size > 1; size--) if (itemsBefore % size === 0) return size;
  return 1;
}

type PageNumberPageCursor = Extract<PageCursor, { page: number }>;

/**
 * A page-number provider served `served` of the `pageSize` asked for and the next page was not empty: the server
 * caps page sizes, so the listing stops (nothing of the short page yielded) rather than guess where pages start.
 * `resumeCursor` points at the same position in pages of `suggestedPageSize`.
 */
export class PageSizeError extends CommerceCollectionsError {
  declare readonly pageSize: number;
  declare readonly served: number;
  declare readonly suggestedPageSize: number;
  declare readonly resumeCursor: PageNumberPageCursor;
  /** `cursor`: the short page. */
  constructor(details: {
    operation: string;
    cursor: PageNumberCursor<ProviderName>;
    served: number;
    requestId?: string;
  }) {
    const { cursor, served, operation, requestId } = details;
    const { provider } = cursor;
    const itemsBefore = (cursor.page - 1) * cursor.pageSize;
    const suggested = resumablePageSize(itemsBefore, served);
    const page = itemsBefore / suggested + 1;
    const message = `the server served ${served} of the ${cursor.pageSize} collections asked for page ${cursor.page} and page ${cursor.page + 1} is not empty: it caps page sizes; list with pageSize ${suggested} (resume from page ${page})`;
    super({ provider, label: adapterOf(provider).label, operation, requestId }, message);
    this.pageSize = cursor.pageSize;
    this.served = served;
    this.suggestedPageSize = suggested;
    this.resumeCursor = { provider, page, pageSize: suggested } as PageNumberPageCursor;
  }
}
brand(PageSizeError, 'PageSizeError');
