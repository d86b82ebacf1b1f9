import {
  fail,
  type ParamRule,
  type QueryWording,
  readParams,
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

// Any UUID version (Shoplazza's are v4, but nothing documents that), either case.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const pageSize: ParamRule = (value, option, context) => validateInteger(value, option, 1, 100, context);
const FILTERS: Record<Exclude<Param, 'page' | 'limit'>, ParamRule> = {
  ids: validateIdList,
  title: validateSearchText,
  updated_at_min: validateDateTime,
  updated_at_max: validateDateTime,
  product_id: (value, option, context) =>
    typeof value === 'string' && UUID.test(value)
      ? value
      : fail(option, 'must be a UUID (e.g. 4b5f2d0e-8c1a-4f7e-9d3b-2a6c8e1f0b9d)', value, context),
};
const RULES: Record<Param, ParamRule> = {
  ...FILTERS,
  page: (value, option, context) => validateInteger(value, option, 1, undefined, context),
  limit: pageSize,
};
const RULES_2025: Record<Param2025, ParamRule> = {
  cursor: (value, option, context) => validateSearchText(value, option, context, MAX_CURSOR_LENGTH),
  page_size: pageSize,
  ...FILTERS,
};

/**
 * The rules of listCollections' parameters, checked before any request (unknown keys are refused; a time without
 * an offset too: its meaning would depend on the machine's time zone). Returns a clean copy in the spec's order;
 * throws ValidationError naming the parameter (or its alias).
 */
export function validateShoplazzaQuery(
  params: unknown,
  how: ShoplazzaQueryValidation = {},
): ValidShoplazzaParams {
  return readParams(params, RULES, PROVIDER, how) as ValidShoplazzaParams;
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
  return readParams(params, RULES_2025, PROVIDER, how, call) as ValidShoplazza2025Params;
}
