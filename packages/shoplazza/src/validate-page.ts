import type { ShapeProblem } from '@commerce-collections/runtime/internal';
import type { ShoplazzaCollection } from './types';

export interface ValidPage {
  collections: ShoplazzaCollection[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The cheap structural check of a 200 body that the rest of the client relies on: `collections` an array of
 * objects with string `id`, `title` and `handle`. Other fields are not checked and unknown fields are kept.
 * Returns the problem instead of throwing, so the hot path allocates nothing when the body is fine.
 */
export function checkPage(body: unknown): ShapeProblem | undefined {
  if (!isObject(body)) return { field: '(body)', rule: 'must be a JSON object' };
  const { collections } = body;
  if (!Array.isArray(collections)) return { field: 'collections', rule: 'must be an array' };
  for (let index = 0; index < collections.length; index++) {
    const item: unknown = collections[index];
    if (!isObject(item)) return { field: `collections[${index}]`, rule: 'must be an object' };
    if (typeof item.id !== 'string') return { field: `collections[${index}].id`, rule: 'must be a string' };
    if (typeof item.title !== 'string')
      return { field: `collections[${index}].title`, rule: 'must be a string' };
    if (typeof item.handle !== 'string')
      return { field: `collections[${index}].handle`, rule: 'must be a string' };
  }
  return undefined;
}
