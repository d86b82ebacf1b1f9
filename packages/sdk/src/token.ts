import { validateSearchText } from '@commerce-collections/runtime/internal';

/** A server's cursor token travels back in a query: 1–1024 characters, no control characters. */
export const MAX_TOKEN_LENGTH = 1024;

export function isToken(value: unknown): value is string {
  try {
    validateSearchText(value, 'token', MAX_TOKEN_LENGTH);
    return true;
  } catch {
    return false;
  }
}
