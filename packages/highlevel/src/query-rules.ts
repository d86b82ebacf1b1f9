import {
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

const KNOWN = ['limit', 'offset', 'collectionIds', 'name'] as const;

/**
 * The rules of listCollections' parameters, checked before any request (unknown keys are refused). Returns a
 * clean copy with only the parameters given; throws ValidationError naming the parameter (or its `names` alias).
 */
export function validateHighLevelQuery(
  params: unknown,
  how: HighLevelQueryValidation = {},
): HighLevelListCollectionsParams {
  const { record, context, name } = readParams(params, KNOWN, PROVIDER, how);
  const valid: HighLevelListCollectionsParams = {};
  const { limit, offset, collectionIds, name: search } = record;
  if (limit !== undefined) valid.limit = validateInteger(limit, name('limit'), 1, undefined, context);
  if (offset !== undefined) valid.offset = validateInteger(offset, name('offset'), 0, undefined, context);
  if (collectionIds !== undefined) {
    valid.collectionIds = validateIdList(collectionIds, name('collectionIds'), undefined, context);
  }
  if (search !== undefined) valid.name = validateSearchText(search, name('name'), 255, context);
  return valid;
}
