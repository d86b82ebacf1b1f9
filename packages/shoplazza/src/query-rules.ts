import {
  type QueryWording,
  readParams,
  ValidationError,
  validateDateTime,
  validateIdList,
  validateInteger,
  validateSearchText,
} from '@commerce-collections/runtime/internal';
import { PROVIDER } from './constants';
import type { ShoplazzaListCollectionsParams, ShoplazzaPaths } from './types';

/** Errors' wording: the operation they name (default listCollections), the caller's names (`search` for `title`). */
export type ShoplazzaQueryValidation = QueryWording<keyof ShoplazzaListCollectionsParams>;

/** The validated parameters: times normalised to the documented `YYYY-MM-DDTHH:mm:ssZ` (UTC). */
export type ValidShoplazzaParams = Omit<
  ShoplazzaListCollectionsParams,
  'updated_at_min' | 'updated_at_max'
> & {
  updated_at_min?: string;
  updated_at_max?: string;
};

const KNOWN = ['ids', 'title', 'updated_at_min', 'updated_at_max', 'product_id', 'page', 'limit'] as const;
// Any UUID version (Shoplazza's are v4, but nothing documents that), either case.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The rules of listCollections' parameters, checked before any request (unknown keys are refused; a time without
 * an offset too: its meaning would depend on the machine's time zone). Returns a clean copy; throws
 * ValidationError naming the parameter (or its alias).
 */
export function validateShoplazzaQuery(
  params: unknown,
  how: ShoplazzaQueryValidation = {},
): ValidShoplazzaParams {
  const { record, context, name } = readParams(params, KNOWN, PROVIDER, how);
  const { ids, title, updated_at_min, updated_at_max, product_id, page, limit } = record;
  const valid: ValidShoplazzaParams = {};
  if (ids !== undefined) valid.ids = validateIdList(ids, name('ids'), undefined, context);
  if (title !== undefined) valid.title = validateSearchText(title, name('title'), 255, context);
  if (updated_at_min !== undefined)
    valid.updated_at_min = validateDateTime(updated_at_min, name('updated_at_min'), context);
  if (updated_at_max !== undefined)
    valid.updated_at_max = validateDateTime(updated_at_max, name('updated_at_max'), context);
  if (product_id !== undefined) {
    if (typeof product_id !== 'string' || !UUID.test(product_id)) {
      const rule = 'must be a UUID (e.g. 4b5f2d0e-8c1a-4f7e-9d3b-2a6c8e1f0b9d)';
      throw new ValidationError({ ...context, option: name('product_id'), rule, value: product_id });
    }
    valid.product_id = product_id;
  }
  if (page !== undefined) valid.page = validateInteger(page, name('page'), 1, undefined, context);
  if (limit !== undefined) valid.limit = validateInteger(limit, name('limit'), 1, 100, context);
  return valid;
}

type ListCollectionsQuery = NonNullable<
  ShoplazzaPaths['/openapi/2022-01/collections']['get']['parameters']['query']
>;

/** The wire query in the spec's parameter order (the validated copy keeps it); absent parameters are left out. */
export function buildQuery(params: ShoplazzaListCollectionsParams | undefined): ListCollectionsQuery {
  if (params === undefined) return {};
  const { ids, ...rest } = validateShoplazzaQuery(params);
  return ids === undefined ? rest : { ids: ids.join(','), ...rest };
}
