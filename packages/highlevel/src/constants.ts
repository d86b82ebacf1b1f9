/** HighLevel's production API host. */
export const DEFAULT_BASE_URL = 'https://services.leadconnectorhq.com';

/** The only `Version` header value the Fetch Product Collections operation accepts (see the spec's info). */
export const API_VERSION = '2021-07-28';

export const COLLECTIONS_PATH = '/products/collections';

/** Not documented by HighLevel; read when present so support tickets can quote it. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** HighLevel's burst limit: 100 requests per 10 seconds per app and location. */
export const DEFAULT_RATE_LIMIT = { limit: 100, intervalMs: 10_000 } as const;

export const PROVIDER = 'highlevel';

/** The client's name in error messages and logs. */
export const LABEL = 'HighLevel';
