import {
  ValidationError,
  validateIdList,
  validateInteger,
  validateSearchText,
} from '@commerce-collections/runtime/internal';
import { PROVIDER } from './constants';
import type { HighLevelListCollectionsParams, HighLevelRawPaths } from './types';

export type ListCollectionsQuery = NonNullable<
  HighLevelRawPaths['/products/collections']['get']['parameters']['query']
>;

const CONTEXT = { provider: PROVIDER, operation: 'listCollections' } as const;
const KNOWN = new Set(['limit', 'offset', 'collectionIds', 'name']);

/**
 * Validates `params` and builds the query in the spec's parameter order. Absent or undefined parameters are
 * left out (no `limit=undefined`); unknown keys are refused rather than silently dropped, so a misspelt
 * `collectionIDs` cannot turn a filtered call into an unfiltered one.
 */
export function buildQuery(
  locationId: string,
  params: HighLevelListCollectionsParams | undefined,
): ListCollectionsQuery {
  if (params === undefined) return { altId: locationId, altType: 'location' };
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    throw new ValidationError({ ...CONTEXT, option: 'params', rule: 'must be an object', value: params });
  }
  for (const key of Object.keys(params)) {
    if (!KNOWN.has(key)) {
      throw new ValidationError({
        ...CONTEXT,
        option: key,
        rule: 'is not a parameter of listCollections (expected limit, offset, collectionIds or name)',
        value: (params as Record<string, unknown>)[key],
      });
    }
  }
  const { limit, offset, collectionIds, name } = params;
  const query: ListCollectionsQuery = {} as ListCollectionsQuery;
  if (limit !== undefined) query.limit = validateInteger(limit, 'limit', 1, undefined, CONTEXT);
  if (offset !== undefined) query.offset = validateInteger(offset, 'offset', 0, undefined, CONTEXT);
  query.altId = locationId;
  query.altType = 'location';
  if (collectionIds !== undefined)
    query.collectionIds = validateIdList(collectionIds, 'collectionIds', undefined, CONTEXT).join(',');
  if (name !== undefined) query.name = validateSearchText(name, 'name', 255, CONTEXT);
  return query;
}
