import { createLeakyBucketLimiter, createTransport } from '@commerce-collections/runtime/internal';
import createClient, { type Client } from 'openapi-fetch';
import { accessTokenAuth } from './auth';
import { LABEL, PROVIDER, REQUEST_ID_HEADER, type ShoplazzaApiVersion } from './constants';
import { extractShoplazzaMessages } from './error-messages';
import { listCollections } from './list-collections';
import { listCollections2025 } from './list-collections-2025';
import { resolveOptions, type ShoplazzaClientOptions } from './options';
import { querySerializer } from './query-serializer';
import type { RequestOptions, ShoplazzaClient, ShoplazzaPaths, ShoplazzaRawClient } from './types';

/**
 * A Shoplazza client for one store. Everything per client (validation, transport, rate limiter, static
 * headers) is built here once; a call only validates its own parameters. Throws ValidationError for bad options.
 */
export function createShoplazzaClient<V extends ShoplazzaApiVersion = '2022-01'>(
  options: ShoplazzaClientOptions<V>,
): ShoplazzaClient<V> {
  const { token, shop, baseUrl, rateLimit, apiVersion } = resolveOptions(options);
  const auth = accessTokenAuth(token);
  const client = { provider: PROVIDER, label: LABEL };
  const transport = createTransport({
    ...client,
    fetch: options.fetch,
    retry: options.retry,
    timeoutMs: options.timeoutMs,
    rateLimiter: rateLimit === false ? false : createLeakyBucketLimiter({ ...rateLimit, ...client }),
    logger: options.logger,
    logLevel: options.logLevel,
    hooks: options.hooks,
    maxBodyBytes: options.maxBodyBytes,
    requestIdHeader: REQUEST_ID_HEADER,
    extractMessages: extractShoplazzaMessages,
    authenticate: auth.authenticate,
  });
  const fetchOptions = {
    baseUrl,
    // The vendor lists Content-Type as required even on this GET; openapi-fetch only sets it with a body.
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...auth.staticHeaders },
    querySerializer,
    // The transport refuses redirects whatever the Request says; saying 'manual' here too keeps them consistent.
    redirect: 'manual' as const,
  };
  // openapi-fetch's createClient reads globalThis.Request, which makes Node 20 load its fetch implementation
  // (milliseconds): both openapi-fetch clients are made on first use, so creating ours stays cheap.
  let typed: Client<ShoplazzaPaths> | undefined;
  let raw: ShoplazzaRawClient | undefined;
  const context = { client: () => (typed ??= createClient<ShoplazzaPaths>(fetchOptions)), transport };
  const list = apiVersion === '2025-06' ? listCollections2025 : listCollections;
  return Object.freeze({
    provider: PROVIDER,
    apiVersion,
    shop,
    baseUrl,
    get raw(): ShoplazzaRawClient {
      // Any status comes back as openapi-fetch's { error, response }; the body is capped and under the deadline.
      raw ??= createClient<ShoplazzaPaths>({ ...fetchOptions, fetch: transport.fetch }) as ShoplazzaRawClient;
      return raw;
    },
    listCollections: (params: never, requestOptions?: RequestOptions) =>
      list(context, params, requestOptions),
  }) as ShoplazzaClient<ShoplazzaApiVersion> as ShoplazzaClient<V>;
}
