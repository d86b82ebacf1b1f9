import { ValidationError } from '@commerce-collections/runtime';
import { validateInteger, validateSearchText } from '@commerce-collections/runtime/internal';
import { PROVIDER } from './constants';
import { type ValidShoplazzaParams, validateShoplazzaQuery } from './query-rules';
import type { ShoplazzaPaths } from './types';
import type { Shoplazza2025ListCollectionsParams } from './types-2025';

type Param = keyof Shoplazza2025ListCollectionsParams;

/** Errors' wording: the operation they name (default listCollections), the caller's names for parameters. */
export type Shoplazza2025QueryValidation = { operation?: string; names?: Partial<Record<Param, string>> };

export type ValidShoplazza2025Params = Omit<ValidShoplazzaParams, 'page' | 'limit'> & {
  cursor?: string;
  page_size?: number;
};

/** A cursor is opaque, but it goes back on the wire: bounded, and no control characters. */
export const MAX_CURSOR_LENGTH = 1024;

const KNOWN: Param[] = [
  'cursor',
  'page_size',
  'ids',
  'title',
  'updated_at_min',
  'updated_at_max',
  'product_id',
];

/**
 * The rules of listCollections' parameters on API version 2025-06, checked before any request: the filters
 * follow the 2022-01 rules (validateShoplazzaQuery), `page_size` is 1–100, `cursor` a bounded string, and unknown
 * keys (`page`, `limit` among them) are refused by name. Returns a clean copy; throws ValidationError.
 */
export function validateShoplazza2025Query(
  params: unknown,
  how: Shoplazza2025QueryValidation = {},
): ValidShoplazza2025Params {
  const context = { provider: PROVIDER, operation: how.operation ?? 'listCollections' } as const;
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    throw new ValidationError({ ...context, option: 'params', rule: 'must be an object', value: params });
  }
  const { cursor, page_size, ...filters } = params as Record<string, unknown>;
  for (const key of Object.keys(filters)) {
    if (!KNOWN.includes(key as Param)) {
      const rule = `is not a parameter of listCollections on API version 2025-06 (expected one of ${KNOWN.join(', ')})`;
      throw new ValidationError({ ...context, option: key, rule, value: filters[key] });
    }
  }
  const valid: ValidShoplazza2025Params = validateShoplazzaQuery(filters, how);
  const name = (param: Param): string => how.names?.[param] ?? param;
  if (cursor !== undefined) {
    valid.cursor = validateSearchText(cursor, name('cursor'), MAX_CURSOR_LENGTH, context);
  }
  if (page_size !== undefined) {
    valid.page_size = validateInteger(page_size, name('page_size'), 1, 100, context);
  }
  return valid;
}

type ListCollections2025Query = NonNullable<
  ShoplazzaPaths['/openapi/2025-06/collections']['get']['parameters']['query']
>;

/** The wire query in the spec's parameter order; absent parameters are left out. */
export function buildQuery2025(
  params: Shoplazza2025ListCollectionsParams | undefined,
): ListCollections2025Query {
  if (params === undefined) return {};
  const valid = validateShoplazza2025Query(params);
  const query: ListCollections2025Query = {};
  if (valid.cursor !== undefined) query.cursor = valid.cursor;
  if (valid.page_size !== undefined) query.page_size = valid.page_size;
  if (valid.ids !== undefined) query.ids = valid.ids.join(',');
  if (valid.title !== undefined) query.title = valid.title;
  if (valid.updated_at_min !== undefined) query.updated_at_min = valid.updated_at_min;
  if (valid.updated_at_max !== undefined) query.updated_at_max = valid.updated_at_max;
  if (valid.product_id !== undefined) query.product_id = valid.product_id;
  return query;
}
