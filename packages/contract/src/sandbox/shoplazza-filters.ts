import { includesIgnoringCase, splitCommaList } from './query';
import type { ShoplazzaCollectionRecord } from './shoplazza-data';

/** The filters both Shoplazza versions take (2022-01 and 2025-06 share them). */
export interface ShoplazzaFilters {
  ids: Set<string> | undefined;
  title: string | null;
  updatedMin: number | undefined;
  updatedMax: number | undefined;
  productId: string | null;
}

/** An error body the caller answers with 422. */
export interface ShoplazzaErrorList {
  errors: readonly string[];
}

export const shoplazzaTimeErrors = {
  updatedAtMin: { errors: ['UpdatedAtMin time format error'] },
  updatedAtMax: { errors: ['UpdatedAtMax time format error'] },
} as const;

// RFC 3339 date-time: `Z` or a numeric offset, optional fraction.
const rfc3339 = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?)(Z|[+-]\d{2}:\d{2})$/i;

/**
 * Parses `updated_at_*`. An unencoded `+` in a query string decodes to a space, so `...T10:00:00 08:00`
 * is read as `+08:00` (clients that forget to encode the offset still get what they meant).
 */
export function parseShoplazzaTime(value: string): number | undefined {
  const repaired = value.replace(/ (\d{2}:\d{2})$/, '+$1');
  if (!rfc3339.test(repaired)) return undefined;
  const epoch = Date.parse(repaired);
  return Number.isNaN(epoch) ? undefined : epoch;
}

/** Reads the filters of either version; a badly formatted time is the vendor's 422 body. */
export function readShoplazzaFilters(query: URLSearchParams): ShoplazzaFilters | ShoplazzaErrorList {
  const readTime = (name: string, error: ShoplazzaErrorList): number | undefined | ShoplazzaErrorList => {
    const raw = query.get(name);
    if (raw === null) return undefined;
    return parseShoplazzaTime(raw) ?? error;
  };
  const updatedMin = readTime('updated_at_min', shoplazzaTimeErrors.updatedAtMin);
  if (typeof updatedMin === 'object') return updatedMin;
  const updatedMax = readTime('updated_at_max', shoplazzaTimeErrors.updatedAtMax);
  if (typeof updatedMax === 'object') return updatedMax;
  return {
    ids: query.has('ids') ? new Set(splitCommaList(query.get('ids') ?? '')) : undefined,
    title: query.get('title'),
    updatedMin,
    updatedMax,
    productId: query.get('product_id'),
  };
}

export function matchesShoplazzaFilters(
  record: ShoplazzaCollectionRecord,
  filters: ShoplazzaFilters,
): boolean {
  const { collection } = record;
  const updated = Date.parse(collection.updated_at);
  return (
    (filters.ids === undefined || filters.ids.has(collection.id)) &&
    (filters.title === null || includesIgnoringCase(collection.title, filters.title)) &&
    (filters.updatedMin === undefined || updated >= filters.updatedMin) &&
    (filters.updatedMax === undefined || updated <= filters.updatedMax) &&
    (filters.productId === null || record.productIds.includes(filters.productId))
  );
}
