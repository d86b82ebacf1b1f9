import {
  type ParamRule,
  type QueryWording,
  readParams,
  validateIdList,
  validateInteger,
  validateSearchText,
} from '@commerce-collections/runtime/internal';
import { PROVIDER } from './constants';
import type { HighLevelListCollectionsParams } from './types';

/** Errors' wording: the operation they name (default listCollections), the caller's names (`search` for `name`). */
export type HighLevelQueryValidation = QueryWording<keyof HighLevelListCollectionsParams>;

const RULES: Record<keyof HighLevelListCollectionsParams, ParamRule> = {
  limit: (value, option, context) => validateInteger(value, option, 1, undefined, context),
  offset: (value, option, context) => validateInteger(value, option, 0, undefined, context),
  collectionIds: validateIdList,
  name: validateSearchText,
};

/**
 * The rules of listCollections' parameters, checked before any request (unknown keys are refused). Returns a
 * clean copy with only the parameters given; throws ValidationError naming the parameter (or its `names` alias).
 */
export function validateHighLevelQuery(
  params: unknown,
  how: HighLevelQueryValidation = {},
): HighLevelListCollectionsParams {
  return readParams(params, RULES, PROVIDER, how) as HighLevelListCollectionsParams;
}
