import { createQuerySerializer } from 'openapi-fetch';

/**
 * Built once per process, not per call (openapi-fetch rebuilds a serializer on every call when given options
 * instead of a function).
 *
 * - Arrays: `style: form, explode: false`, i.e. `ids=a,b` — one comma-joined value, as the spec and the vendor
 *   say. openapi-fetch's default would send repeated keys (`ids=a&ids=b`), which a server may read as the last
 *   id only. The joining comma is literal; each id is percent-encoded on its own (ids cannot contain commas:
 *   validateIdList refuses them).
 * - Values go through encodeURIComponent: a space is `%20` (never `+`), `&` `%26`, `#` `%23`, `%` `%25`, `+` `%2B`,
 *   non-ASCII as UTF-8 bytes. The colons of `updated_at_min=2024-01-01T00:00:00Z` are sent as `%3A`: legal either
 *   way, and every query parser decodes them to the same text.
 */
export const querySerializer = createQuerySerializer({ array: { style: 'form', explode: false } });
