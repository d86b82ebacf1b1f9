import {
  createSlidingWindowLimiter,
  createTransport,
  LazyRequest,
  PendingRequest,
} from '@commerce-collections/runtime';
import createClient from 'openapi-fetch';
import { bearerAuth } from './auth';
import { API_VERSION, PROVIDER, REQUEST_ID_HEADER } from './constants';
import { extractHighLevelMessages } from './error-messages';
import { listCollections } from './list-collections';
import { type HighLevelClientOptions, resolveOptions } from './options';
import { querySerializer } from './query-serializer';
import type { HighLevelClient, HighLevelRawClient, HighLevelRawPaths } from './types';

/**
 * A HighLevel client for one location. Everything per client (validation, transport, rate limiter, the
 * openapi-fetch client, static headers) is built here once; a call only validates its own parameters.
 * Throws ValidationError for bad options.
 */
export function createHighLevelClient(options: HighLevelClientOptions): HighLevelClient {
  const { token, locationId, baseUrl, rateLimit } = resolveOptions(options);
  const auth = bearerAuth(token);
  const transport = createTransport({
    provider: PROVIDER,
    fetch: options.fetch,
    retry: options.retry,
    timeoutMs: options.timeoutMs,
    rateLimiter:
      rateLimit === false ? false : createSlidingWindowLimiter({ ...rateLimit, provider: PROVIDER }),
    logger: options.logger,
    logLevel: options.logLevel,
    hooks: options.hooks,
    maxBodyBytes: options.maxBodyBytes,
    requestIdHeader: REQUEST_ID_HEADER,
    extractMessages: extractHighLevelMessages,
    authenticate: auth.authenticate,
  });
  const shared = {
    baseUrl,
    headers: { Accept: 'application/json', Version: API_VERSION, ...auth.staticHeaders },
    querySerializer,
    // `raw` calls: the transport without throwHttpErrors, so openapi-fetch returns { error, response } as usual.
    // A `signal` given to raw travels on the Request, which the transport honours when the call names none.
    fetch: transport.bind({ operation: 'raw' }),
  };
  // Typed calls build a PendingRequest (URL + init), not a Request: the transport sends it as fetch(url, init)
  // (see runtime's pending-request.ts; packages/bench B1/B2). `raw` keeps real Requests (its middleware sees
  // them), from the global Request looked up at first use, so that creating a client does not load Node's fetch;
  // and it is built on first access: most programs never touch it, and creating it is ≈0.1 ms (bench B8).
  const client = createClient<HighLevelRawPaths>({
    ...shared,
    Request: PendingRequest as unknown as typeof Request,
  });
  let raw: HighLevelRawClient | undefined;
  const context = { client, transport, locationId, maxBodyBytes: options.maxBodyBytes };
  return Object.freeze({
    provider: PROVIDER,
    locationId,
    baseUrl,
    get raw(): HighLevelRawClient {
      raw ??= createClient<HighLevelRawPaths>({ ...shared, Request: LazyRequest }) as HighLevelRawClient;
      return raw;
    },
    listCollections: (params, requestOptions) => listCollections(context, params, requestOptions),
  } satisfies HighLevelClient);
}
