import { isRecord, type ShapeProblem, validateSearchText } from '@commerce-collections/runtime/internal';
import { MAX_CURSOR_LENGTH } from './query-rules';
import type { ShoplazzaCollection } from './types';

export interface ValidPage {
  collections: ShoplazzaCollection[];
}

/** What each API version's check lets through. */
export interface ValidPages {
  '2022-01': ValidPage;
  '2025-06': { data: ValidPage & { cursor?: string | null; has_more: boolean } };
}

const STRING_FIELDS = ['id', 'title', 'handle'];

/**
 * The cheap structural check of a 200 body that the rest of the client relies on: `collections` an array of
 * objects with string `id`, `title` and `handle`. Other fields are not checked and unknown fields are kept.
 * `at`: where the page sits in the body (`data.` on 2025-06), named in the problem.
 */
export function checkPage(body: unknown, at = ''): ShapeProblem | undefined {
  if (!isRecord(body)) return { field: at.slice(0, -1) || '(body)', rule: 'must be a JSON object' };
  const { collections } = body;
  if (!Array.isArray(collections)) return { field: `${at}collections`, rule: 'must be an array' };
  for (let index = 0; index < collections.length; index++) {
    const item: unknown = collections[index];
    if (!isRecord(item)) return { field: `${at}collections[${index}]`, rule: 'must be an object' };
    for (const field of STRING_FIELDS) {
      if (typeof item[field] !== 'string')
        return { field: `${at}collections[${index}].${field}`, rule: 'must be a string' };
    }
  }
  return undefined;
}

/**
 * 2025-06: `data` holds a 2022-01 page, `data.has_more` a boolean and, while it is true, a `data.cursor` this
 * client can send back. `code` and `message` are not checked (nothing is promised of them).
 */
export function checkPage2025(body: unknown): ShapeProblem | undefined {
  if (!isRecord(body)) return { field: '(body)', rule: 'must be a JSON object' };
  const problem = checkPage(body.data, 'data.');
  if (problem !== undefined) return problem;
  const { has_more, cursor } = body.data as Record<string, unknown>;
  if (typeof has_more !== 'boolean') return { field: 'data.has_more', rule: 'must be a boolean' };
  if (!has_more) return undefined;
  try {
    validateSearchText(cursor, 'cursor', undefined, MAX_CURSOR_LENGTH); // the rule the next call's `cursor` must pass
    return undefined;
  } catch {
    const rule = `must be 1-${MAX_CURSOR_LENGTH} characters without control characters while has_more is true`;
    return { field: 'data.cursor', rule };
  }
}
