import { createQuerySerializer } from 'openapi-fetch';

// Built once per process, not per call (openapi-fetch rebuilds a serializer on every call when given options
// instead of a function).
const serializeWithLists = createQuerySerializer({ array: { style: 'form', explode: false } });

/**
 * - `ids`: the spec types it as one string of comma-joined ids (so every generator sends one value). It is
 *   split here and serialised as a `style: form, explode: false` list, so the joining comma stays literal
 *   (`ids=a,b`) and each id is percent-encoded on its own (ids cannot contain commas: validateIdList
 *   refuses them). openapi-fetch's default for a string would write the comma as `%2C`.
 * - Values go through encodeURIComponent: a space is `%20` (never `+`, which some servers keep as a plus),
 *   `&` `%26`, `#` `%23`, `%` `%25`, `+` `%2B`, non-ASCII as UTF-8 bytes. `!'()*` stay literal (the URL parser then
 *   writes `'` as `%27`); all are legal in a query and decode to the same text.
 */
export function querySerializer(query: Record<string, unknown>): string {
  const ids = query.ids;
  return serializeWithLists(typeof ids === 'string' ? { ...query, ids: ids.split(',') } : query);
}
