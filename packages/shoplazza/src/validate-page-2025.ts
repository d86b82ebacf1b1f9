import { type ShapeProblem, validateSearchText } from '@commerce-collections/runtime/internal';
import { MAX_CURSOR_LENGTH } from './query-rules-2025';
import type { ShoplazzaCollection } from './types';
import { checkPage } from './validate-page';

export interface ValidPage2025 {
  data: { collections: ShoplazzaCollection[]; cursor?: string | null; has_more: boolean };
}

/** Whether the next call would accept this cursor (the same rule as the `cursor` parameter's). */
function sendable(cursor: unknown): boolean {
  try {
    validateSearchText(cursor, 'cursor', MAX_CURSOR_LENGTH);
    return true;
  } catch {
    return false;
  }
}

/**
 * The structural check of a 2025-06 200 body: `data.collections` as in 2022-01 (checkPage), `data.has_more` a
 * boolean, and while it is true a `data.cursor` this client can send back. `code` and `message` are not
 * checked (`code` is "200" in the vendor's table; nothing more is promised).
 */
export function checkPage2025(body: unknown): ShapeProblem | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { field: '(body)', rule: 'must be a JSON object' };
  }
  const data = (body as { data?: unknown }).data;
  const problem = checkPage(data);
  if (problem !== undefined) {
    return { field: problem.field === '(body)' ? 'data' : `data.${problem.field}`, rule: problem.rule };
  }
  const { has_more, cursor } = data as { has_more?: unknown; cursor?: unknown };
  if (typeof has_more !== 'boolean') return { field: 'data.has_more', rule: 'must be a boolean' };
  if (!has_more) return undefined;
  if (!sendable(cursor)) {
    const rule = `must be 1-${MAX_CURSOR_LENGTH} characters without control characters while has_more is true`;
    return { field: 'data.cursor', rule };
  }
  return undefined;
}
