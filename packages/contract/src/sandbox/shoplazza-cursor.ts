import { createHash } from 'node:crypto';

/**
 * How the 2025-06 sandbox's cursor points into the listing. `keyset` (the default) names the last item's
 * sort key, so items inserted or deleted elsewhere never shift it: every item present for the whole listing
 * comes exactly once. `offset` is an item index in disguise, as an unstable server might do: an insert before
 * the position repeats an item on the next page, a delete before it skips one.
 */
export type ShoplazzaCursorMode = 'keyset' | 'offset';

/** The 2025-06 listing order: `created_at`, then `id` (both compared as strings). */
export type ShoplazzaSortKey = readonly [createdAt: string, id: string];

export type ShoplazzaCursorPosition = { after: ShoplazzaSortKey } | { offset: number };

/** The longest cursor the spec allows. */
export const maxCursorLength = 1024;

/** A short digest of the filters, so a cursor only continues the listing it came from. */
export function filtersFingerprint(query: URLSearchParams): string {
  const names = ['ids', 'title', 'updated_at_min', 'updated_at_max', 'product_id'];
  const values = names.map((name) => query.getAll(name));
  return createHash('sha256').update(JSON.stringify(values)).digest('base64url').slice(0, 12);
}

/** Opaque to clients: base64url of JSON holding the position and the filters' fingerprint. */
export function encodeShoplazzaCursor(position: ShoplazzaCursorPosition, fingerprint: string): string {
  const payload =
    'after' in position ? { k: position.after, f: fingerprint } : { o: position.offset, f: fingerprint };
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

function readPayload(cursor: string): Record<string, unknown> | undefined {
  if (cursor.length === 0 || cursor.length > maxCursorLength || !/^[A-Za-z0-9_-]+$/.test(cursor))
    return undefined;
  try {
    const payload: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The position a cursor names, or `undefined` when this sandbox did not issue it for these filters in this
 * mode (the service answers 422 then).
 */
export function decodeShoplazzaCursor(
  cursor: string,
  mode: ShoplazzaCursorMode,
  fingerprint: string,
): ShoplazzaCursorPosition | undefined {
  const payload = readPayload(cursor);
  if (payload?.f !== fingerprint) return undefined;
  if (mode === 'offset') {
    const offset = payload.o;
    return Number.isSafeInteger(offset) && (offset as number) > 0 ? { offset: offset as number } : undefined;
  }
  const key = payload.k;
  const valid = Array.isArray(key) && key.length === 2 && key.every((part) => typeof part === 'string');
  return valid ? { after: key as unknown as ShoplazzaSortKey } : undefined;
}
