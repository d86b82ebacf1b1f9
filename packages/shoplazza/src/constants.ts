export const PROVIDER = 'shoplazza';

/** The client's name in error messages and logs. */
export const LABEL = 'Shoplazza';

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

/** Shoplazza documents a `Request-Id` response header on every response. */
export const REQUEST_ID_HEADER = 'request-id';

/** Shoplazza's leaky bucket: 2 requests per second per app and store. */
export const DEFAULT_RATE_LIMIT = { ratePerSecond: 2 } as const;
