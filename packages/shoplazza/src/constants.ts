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

/** The API versions this client speaks (in the path, see the spec's info); 2022-01, the documented seed, is the default. */
export const API_VERSIONS = ['2022-01', '2025-06'] as const;
export type ShoplazzaApiVersion = (typeof API_VERSIONS)[number];
