import { createQuerySerializer } from 'openapi-fetch';

/**
 * Built once per process, not per call (openapi-fetch rebuilds a serializer on every call when given options
 * instead of a function).
 *
 * - Arrays: `style: form, explode: false`, i.e. `collectionIds=a,b` — one comma-joined value, as the spec and
 *   the vendor's examples say. openapi-fetch's default would send repeated keys (`collectionIds=a&collectionIds=b`),
 *   which the server reads as the last id only. The joining comma is literal; each id is percent-encoded on its
 *   own (ids cannot contain commas: validateIdList refuses them).
 * - Values go through encodeURIComponent: a space is `%20` (never `+`, which some servers keep as a plus),
 *   `&` `%26`, `#` `%23`, `%` `%25`, `+` `%2B`, non-ASCII as UTF-8 bytes. `!'()*` stay literal (the URL parser then
 *   writes `'` as `%27`); all are legal in a query and decode to the same text.
 */
export const querySerializer = createQuerySerializer({ array: { style: 'form', explode: false } });
