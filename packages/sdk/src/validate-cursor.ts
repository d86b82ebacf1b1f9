import { ValidationError } from '@commerce-collections/runtime';
import type { PageCursor } from './cursor';
import type { Provider } from './provider-name';

const RULE =
  "must be a cursor from this SDK: { provider: 'highlevel', offset } or { provider: 'shoplazza', page, pageSize }";

function isInt(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max;
}

/** Checks a cursor that came back from a caller (possibly through JSON) and returns a clean copy. */
export function validateCursor(
  value: unknown,
  option: string,
  context: { provider: Provider; operation: string },
): PageCursor {
  if (typeof value === 'object' && value !== null) {
    const cursor = value as Record<string, unknown>;
    if (cursor.provider === 'highlevel' && isInt(cursor.offset, 0, Number.MAX_SAFE_INTEGER)) {
      return { provider: 'highlevel', offset: cursor.offset };
    }
    if (
      cursor.provider === 'shoplazza' &&
      isInt(cursor.page, 1, Number.MAX_SAFE_INTEGER) &&
      isInt(cursor.pageSize, 1, 100)
    ) {
      return { provider: 'shoplazza', page: cursor.page, pageSize: cursor.pageSize };
    }
  }
  throw new ValidationError({ ...context, option, rule: RULE, value });
}
