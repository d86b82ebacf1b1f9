import {
  ValidationError,
  validateDateTime,
  validateIdList,
  validateInteger,
  validateSearchText,
} from '@commerce-collections/runtime/internal';
import { PROVIDER } from './constants';
import type { ShoplazzaListCollectionsParams, ShoplazzaPaths } from './types';

export type ListCollectionsQuery = NonNullable<
  ShoplazzaPaths['/openapi/2022-01/collections']['get']['parameters']['query']
>;

const CONTEXT = { provider: PROVIDER, operation: 'listCollections' } as const;
const KNOWN = new Set(['ids', 'title', 'updated_at_min', 'updated_at_max', 'product_id', 'page', 'limit']);
// Any UUID version (Shoplazza's are v4, but nothing documents that), either case.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Validates `params` and builds the query in the spec's parameter order. Absent or undefined parameters are
 * left out; unknown keys are refused rather than silently dropped, so a misspelt `product_ids` cannot turn a
 * filtered call into an unfiltered one. Times are normalised to the documented `YYYY-MM-DDTHH:mm:ssZ` (UTC);
 * a time without an offset is refused, because its meaning would depend on the machine's time zone.
 */
export function buildQuery(params: ShoplazzaListCollectionsParams | undefined): ListCollectionsQuery {
  const query: ListCollectionsQuery = {};
  if (params === undefined) return query;
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    throw new ValidationError({ ...CONTEXT, option: 'params', rule: 'must be an object', value: params });
  }
  for (const key of Object.keys(params)) {
    if (!KNOWN.has(key)) {
      throw new ValidationError({
        ...CONTEXT,
        option: key,
        rule: `is not a parameter of listCollections (expected one of ${[...KNOWN].join(', ')})`,
        value: (params as Record<string, unknown>)[key],
      });
    }
  }
  const { ids, title, updated_at_min, updated_at_max, product_id, page, limit } = params;
  if (ids !== undefined) query.ids = validateIdList(ids, 'ids', undefined, CONTEXT).join(',');
  if (title !== undefined) query.title = validateSearchText(title, 'title', 255, CONTEXT);
  if (updated_at_min !== undefined)
    query.updated_at_min = validateDateTime(updated_at_min, 'updated_at_min', CONTEXT);
  if (updated_at_max !== undefined)
    query.updated_at_max = validateDateTime(updated_at_max, 'updated_at_max', CONTEXT);
  if (product_id !== undefined) {
    if (typeof product_id !== 'string' || !UUID.test(product_id)) {
      throw new ValidationError({
        ...CONTEXT,
        option: 'product_id',
        rule: 'must be a UUID (e.g. 4b5f2d0e-8c1a-4f7e-9d3b-2a6c8e1f0b9d)',
        value: product_id,
      });
    }
    query.product_id = product_id;
  }
  if (page !== undefined) query.page = validateInteger(page, 'page', 1, undefined, CONTEXT);
  if (limit !== undefined) query.limit = validateInteger(limit, 'limit', 1, 100, CONTEXT);
  return query;
}
