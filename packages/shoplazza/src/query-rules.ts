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
import type { Shoplazza2025ListCollectionsParams, ShoplazzaListCollectionsParams } from './types';

type Param = keyof ShoplazzaListCollectionsParams;
type Param2025 = keyof Shoplazza2025ListCollectionsParams;

/** Errors' wording: the operation they name (default listCollections), the caller's names (`search` for `title`). */
export type ShoplazzaQueryValidation = QueryWording<Param>;
export type Shoplazza2025QueryValidation = QueryWording<Param2025>;

type Times = 'updated_at_min' | 'updated_at_max';
/** The validated parameters: times normalised to the documented `YYYY-MM-DDTHH:mm:ssZ` (UTC). */
export type ValidShoplazzaParams = Omit<ShoplazzaListCollectionsParams, Times> &
  Partial<Record<Times, string>>;
export type ValidShoplazza2025Params = Omit<ValidShoplazzaParams, 'page' | 'limit'> &
  Pick<Shoplazza2025ListCollectionsParams, 'cursor' | 'page_size'>;

/** A cursor is opaque, but it goes back on the wire: bounded, and no control characters. */
export const MAX_CURSOR_LENGTH = 1024;

const FILTERS = ['ids', 'title', 'updated_at_min', 'updated_at_max', 'product_id'] as const;
const KNOWN: readonly Param[] = [...FILTERS, 'page', 'limit'];
const KNOWN_2025: readonly Param2025[] = ['cursor', 'page_size', ...FILTERS];
// Any UUID version (Shoplazza's are v4, but nothing documents that), either case.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The rules of listCollections' parameters, checked before any request (unknown keys are refused; a time without
 * an offset too: its meaning would depend on the machine's time zone). Returns a clean copy in the spec's order;
 * throws ValidationError naming the parameter (or its alias).
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

/**
 * The rules on API version 2025-06: the filters' as above, `page_size` 1–100, `cursor` a bounded string, and
 * unknown keys (`page`, `limit` among them) refused by name. Returns a clean copy; throws ValidationError.
 */
export function validateShoplazza2025Query(
  params: unknown,
  how: Shoplazza2025QueryValidation = {},
): ValidShoplazza2025Params {
  const call = 'listCollections on API version 2025-06';
  const { record, context, name } = readParams(params, KNOWN_2025, PROVIDER, how, call);
  const { cursor, page_size, ...filters } = record;
  const valid: ValidShoplazza2025Params = validateShoplazzaQuery(filters, how);
  if (cursor !== undefined)
    valid.cursor = validateSearchText(cursor, name('cursor'), MAX_CURSOR_LENGTH, context);
  if (page_size !== undefined)
    valid.page_size = validateInteger(page_size, name('page_size'), 1, 100, context);
  return valid;
}
