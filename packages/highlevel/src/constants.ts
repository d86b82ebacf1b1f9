export const PROVIDER = 'highlevel';

/** The only `Version` header value the Fetch Product Collections operation accepts (see the spec's info). */
export const API_VERSION = '2021-07-28';

/** How HighLevel's API is spoken to: the facts createProviderClient needs. */
export const WIRE = {
  provider: PROVIDER,
  label: 'HighLevel',
  // Capital B: Prism (and some gateways) refuse `bearer`.
  authHeader: 'Authorization',
  authScheme: 'Bearer',
  headers: { Accept: 'application/json', Version: API_VERSION },
  listParam: 'collectionIds',
  // Not documented by HighLevel; read when present so support tickets can quote it.
  requestIdHeader: 'x-request-id',
  // `message` (a string, or a list on 422), then `error` (the status text) when it says something new.
  messageFields: ['message', 'error'],
} as const;
