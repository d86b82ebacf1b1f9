export const PROVIDER = 'shoplazza';

/** How Shoplazza's API is spoken to: the facts createProviderClient needs. */
export const WIRE = {
  provider: PROVIDER,
  label: 'Shoplazza',
  // The seed's table spells it `Access-Token`; header names are case-insensitive.
  authHeader: 'access-token',
  // The vendor lists Content-Type as required even on this GET; openapi-fetch only sets it with a body.
  headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
  listParam: 'ids',
  // Shoplazza documents a `Request-Id` response header on every response.
  requestIdHeader: 'request-id',
  // `error` (a string; the vendor's table says Array) or `errors` (a list), depending on the implementation;
  // `message` of the `{ code, message }` envelope the vendor's 2025-06 pages show.
  messageFields: ['error', 'errors', 'message'],
} as const;

/** The seed's spelling; Shoplazza also serves `myshoplaza.com` (one z). */
export const DEFAULT_DOMAIN = 'myshoplazza.com';
export const DOMAINS = ['myshoplazza.com', 'myshoplaza.com'] as const;

/** The API version lives in the path (see the spec's info): no server base path. */
export const COLLECTIONS_PATH = '/openapi/2022-01/collections';
/** API version 2025-06: cursor pagination (`cursor`, `page_size`, `data.has_more`). */
export const COLLECTIONS_2025_PATH = '/openapi/2025-06/collections';

/** The API versions this client speaks; 2022-01 (the documented seed) stays the default. */
export const API_VERSIONS = ['2022-01', '2025-06'] as const;
export type ShoplazzaApiVersion = (typeof API_VERSIONS)[number];

/** Shoplazza's leaky bucket: 2 requests per second per app and store. */
export const DEFAULT_RATE_LIMIT = { ratePerSecond: 2 } as const;
