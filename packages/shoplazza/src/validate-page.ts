import { isRecord, type ShapeProblem } from '@commerce-collections/runtime/internal';
import type { ShoplazzaCollection } from './types';

export interface ValidPage {
  collections: ShoplazzaCollection[];
}

const STRING_FIELDS = ['id', 'title', 'handle'];

/**
 * The cheap structural check of a 200 body that the rest of the client relies on: `collections` an array of
 * objects with string `id`, `title` and `handle`. Other fields are not checked and unknown fields are kept.
 */
export function checkPage(body: unknown): ShapeProblem | undefined {
  if (!isRecord(body)) return { field: '(body)', rule: 'must be a JSON object' };
  const { collections } = body;
  if (!Array.isArray(collections)) return { field: 'collections', rule: 'must be an array' };
  for (let index = 0; index < collections.length; index++) {
    const item: unknown = collections[index];
    if (!isRecord(item)) return { field: `collections[${index}]`, rule: 'must be an object' };
    for (const field of STRING_FIELDS) {
      if (typeof item[field] !== 'string')
        return { field: `collections[${index}].${field}`, rule: 'must be a string' };
    }
  }
  return undefined;
}
