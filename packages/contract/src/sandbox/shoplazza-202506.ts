import { parseNonNegativeInteger } from './query';
import {
  decodeShoplazzaCursor,
  encodeShoplazzaCursor,
  filtersFingerprint,
  type ShoplazzaCursorMode,
  type ShoplazzaCursorPosition,
  type ShoplazzaSortKey,
} from './shoplazza-cursor';
import type { ShoplazzaCollection, ShoplazzaCollectionRecord } from './shoplazza-data';
import { matchesShoplazzaFilters, readShoplazzaFilters, type ShoplazzaErrorList } from './shoplazza-filters';

/** The 2025-06 version's 422 bodies (the spec's examples; the vendor documents no wording). */
export const shoplazza202506ErrorBodies = {
  pageSizeRange: { errors: ['PageSize must be between 1 and 100'] },
  invalidCursor: { errors: ['Cursor is invalid'] },
  idsFormat: { errors: ['Ids format error'] },
} as const;

/** One page in the 2025-06 envelope. */
export interface Shoplazza202506Page {
  code: '200';
  message: 'Success';
  data: { collections: unknown[]; cursor: string; has_more: boolean };
}

// The spec's pattern for `ids`: one comma-joined value, no blanks, no whitespace.
const idsPattern = /^[^,\s]+(,[^,\s]+)*$/;

function sortKey({ collection }: ShoplazzaCollectionRecord): ShoplazzaSortKey {
  return [collection.created_at, collection.id];
}

function compareKeys(a: ShoplazzaSortKey, b: ShoplazzaSortKey): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  return a[1] === b[1] ? 0 : a[1] < b[1] ? -1 : 1;
}

function readPageSize(query: URLSearchParams): number | undefined {
  const pageSize = parseNonNegativeInteger(query.get('page_size') ?? '10');
  return pageSize !== undefined && pageSize >= 1 && pageSize <= 100 ? pageSize : undefined;
}

function startOf(
  ordered: readonly ShoplazzaCollectionRecord[],
  position: ShoplazzaCursorPosition | undefined,
) {
  if (position === undefined) return 0;
  if ('offset' in position) return position.offset;
  const next = ordered.findIndex((record) => compareKeys(sortKey(record), position.after) > 0);
  return next === -1 ? ordered.length : next;
}

/**
 * `GET /openapi/2025-06/collections` over the sandbox's dataset: the filters of 2022-01, `page_size` 1–100,
 * ordered by (`created_at`, `id`), chained by an opaque cursor that is a keyset or (on purpose) an offset.
 */
export function listShoplazza202506(
  query: URLSearchParams,
  items: readonly ShoplazzaCollectionRecord[],
  options: { cursorMode: ShoplazzaCursorMode; present: (collection: ShoplazzaCollection) => unknown },
): Shoplazza202506Page | ShoplazzaErrorList {
  const filters = readShoplazzaFilters(query);
  if ('errors' in filters) return filters;
  const ids = query.getAll('ids');
  if (ids.length > 1 || (ids.length === 1 && !idsPattern.test(ids[0] as string))) {
    return shoplazza202506ErrorBodies.idsFormat;
  }
  const pageSize = readPageSize(query);
  if (pageSize === undefined) return shoplazza202506ErrorBodies.pageSizeRange;
  const fingerprint = filtersFingerprint(query);
  const cursor = query.get('cursor');
  const position =
    cursor === null ? undefined : decodeShoplazzaCursor(cursor, options.cursorMode, fingerprint);
  if (cursor !== null && position === undefined) return shoplazza202506ErrorBodies.invalidCursor;

  const ordered = items
    .filter((record) => matchesShoplazzaFilters(record, filters))
    .sort((a, b) => compareKeys(sortKey(a), sortKey(b)));
  const start = startOf(ordered, position);
  const page = ordered.slice(start, start + pageSize);
  const hasMore = start + page.length < ordered.length;
  const last = page.at(-1);
  const next: ShoplazzaCursorPosition | undefined =
    !hasMore || last === undefined
      ? undefined
      : options.cursorMode === 'offset'
        ? { offset: start + page.length }
        : { after: sortKey(last) };
  return {
    code: '200',
    message: 'Success',
    data: {
      collections: page.map(({ collection }) => options.present(collection)),
      cursor: next === undefined ? '' : encodeShoplazzaCursor(next, fingerprint),
      has_more: hasMore,
    },
  };
}
