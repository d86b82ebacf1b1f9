import { createSlidingWindowLimiter, createTransport } from '@commerce-collections/runtime/internal';
import createClient, { type Client } from 'openapi-fetch';
import { bearerAuth } from './auth';
import { API_VERSION, LABEL, PROVIDER, REQUEST_ID_HEADER } from './constants';
import { extractHighLevelMessages } from './error-messages';
import { listCollections } from './list-collections';
import { type HighLevelClientOptions, resolveOptions } from './options';
import { querySerializer } from './query-serializer';
import type { HighLevelClient, HighLevelRawClient, HighLevelRawPaths } from './types';

/**
 * A HighLevel client for one location. Everything per client (validation, transport, rate limiter, static
 * headers) is built here once; a call only validates its own parameters. Throws ValidationError for bad options.
 */
export function createHighLevelClient(options: HighLevelClientOptions): HighLevelClient {
  const { token, locationId, baseUrl, rateLimit } = resolveOptions(options);
  const auth = bearerAuth(token);
  const client = { provider: PROVIDER, label: LABEL };
  const transport = createTransport({
    ...client,
    fetch: options.fetch,
    retry: options.retry,
    timeoutMs: options.timeoutMs,
    rateLimiter: rateLimit === false ? false : createSlidingWindowLimiter({ ...rateLimit, ...client }),
    logger: options.logger,
    logLevel: options.logLevel,
    hooks: options.hooks,
    maxBodyBytes: options.maxBodyBytes,
    requestIdHeader: REQUEST_ID_HEADER,
    extractMessages: extractHighLevelMessages,
    authenticate: auth.authenticate,
  });
  const fetchOptions = {
    baseUrl,
    headers: { Accept: 'application/json', Version: API_VERSION, ...auth.staticHeaders },
    querySerializer,
    // The transport refuses redirects whatever the Request says; saying 'manual' here too keeps them consistent.
    redirect: 'manual' as const,
  };
  // openapi-fetch's createClient reads globalThis.Request, which makes Node 20 load its fetch implementation
  // (milliseconds): both openapi-fetch clients are made on first use, so creating ours stays cheap.
  let typed: Client<HighLevelRawPaths> | undefined;
  let raw: HighLevelRawClient | undefined;
  const context = {
    client: () => (typed ??= createClient<HighLevelRawPaths>(fetchOptions)),
    transport,
    locationId,
  };
  return Object.freeze({
    provider: PROVIDER,
    locationId,
    baseUrl,
    get raw(): HighLevelRawClient {
      // Any status comes back as openapi-fetch's { error, response }; the body is capped and under the deadline.
      raw ??= createClient<HighLevelRawPaths>({
        ...fetchOptions,
        fetch: transport.fetch,
      }) as HighLevelRawClient;
      return raw;
    },
    listCollections: (params, requestOptions) => listCollections(context, params, requestOptions),
  } satisfies HighLevelClient);
}
