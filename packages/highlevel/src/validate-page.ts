import { isRecord, type ShapeProblem } from '@commerce-collections/runtime/internal';
import type { HighLevelCollectionsPage } from './types';

export type ValidPage = Omit<HighLevelCollectionsPage, 'requestId'>;

/**
 * The cheap structural check of a 200 body that the rest of the client relies on: `data` an array of objects
 * with string `_id` and `name`, `total` a non-negative integer. Other fields are not checked and unknown
 * fields are kept: the vendor adds fields without notice.
 */
export function checkPage(body: unknown): ShapeProblem | undefined {
  if (!isRecord(body)) return { field: '(body)', rule: 'must be a JSON object' };
  const { data, total } = body;
  if (!Array.isArray(data)) return { field: 'data', rule: 'must be an array' };
  if (typeof total !== 'number' || !Number.isSafeInteger(total) || total < 0) {
    return { field: 'total', rule: 'must be a non-negative integer' };
  }
  for (let index = 0; index < data.length; index++) {
    const item: unknown = data[index];
    if (!isRecord(item)) return { field: `data[${index}]`, rule: 'must be an object' };
    if (typeof item._id !== 'string') return { field: `data[${index}]._id`, rule: 'must be a string' };
    if (typeof item.name !== 'string') return { field: `data[${index}].name`, rule: 'must be a string' };
  }
  return undefined;
}
