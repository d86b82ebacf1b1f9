import type { ShapeProblem } from '@commerce-collections/runtime/internal';
import type { HighLevelCollection } from './types';

export interface ValidPage {
  data: HighLevelCollection[];
  total: number;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The cheap structural check of a 200 body that the rest of the client relies on: `data` an array of objects
 * with string `_id` and `name`, `total` a non-negative integer. Other fields are not checked and unknown
 * fields are kept: the vendor adds fields without notice. Returns the problem instead of throwing, so the
 * hot path allocates nothing when the body is fine.
 */
export function checkPage(body: unknown): ShapeProblem | undefined {
  if (!isObject(body)) return { field: '(body)', rule: 'must be a JSON object' };
  const { data, total } = body;
  if (!Array.isArray(data)) return { field: 'data', rule: 'must be an array' };
  if (typeof total !== 'number' || !Number.isSafeInteger(total) || total < 0) {
    return { field: 'total', rule: 'must be a non-negative integer' };
  }
  for (let index = 0; index < data.length; index++) {
    const item: unknown = data[index];
    if (!isObject(item)) return { field: `data[${index}]`, rule: 'must be an object' };
    if (typeof item._id !== 'string') return { field: `data[${index}]._id`, rule: 'must be a string' };
    if (typeof item.name !== 'string') return { field: `data[${index}].name`, rule: 'must be a string' };
  }
  return undefined;
}
