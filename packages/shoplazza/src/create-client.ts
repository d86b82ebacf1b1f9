import {
  createLeakyBucketLimiter,
  createTransport,
  LazyRequest,
  PendingRequest,
} from '@commerce-collections/runtime';
import createClient from 'openapi-fetch';
import { accessTokenAuth } from './auth';
import { PROVIDER, REQUEST_ID_HEADER } from './constants';
import { extractShoplazzaMessages } from './error-messages';
import { listCollections } from './list-collections';
import { resolveOptions, type ShoplazzaClientOptions } from './options';
import { querySerializer } from './query-serializer';
import type { ShoplazzaClient, ShoplazzaPaths, ShoplazzaRawClient } from './types';

/**
 * A Shoplazza client for one store. Everything per client (validation, transport, rate limiter, the
 * openapi-fetch client, static headers) is built here once; a call only validates its own parameters.
 * Throws ValidationError for bad options.
 */
export function createShoplazzaClient(options: ShoplazzaClientOptions): ShoplazzaClient {
  const { token, shop, baseUrl, rateLimit } = resolveOptions(options);
  const auth = accessTokenAuth(token);
  const transport = createTransport({
    provider: PROVIDER,
    fetch: options.fetch,
    retry: options.retry,
    timeoutMs: options.timeoutMs,
    rateLimiter: rateLimit === false ? false : createLeakyBucketLimiter({ ...rateLimit, provider: PROVIDER }),
    logger: options.logger,
    logLevel: options.logLevel,
    hooks: options.hooks,
    maxBodyBytes: options.maxBodyBytes,
    requestIdHeader: REQUEST_ID_HEADER,
    extractMessages: extractShoplazzaMessages,
    authenticate: auth.authenticate,
  });
  const shared = {
    baseUrl,
    // The vendor lists Content-Type as required even on this GET; openapi-fetch only sets it with a body.
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...auth.staticHeaders },
    querySerializer,
    // `raw` calls: the transport without throwHttpErrors, so openapi-fetch returns { error, response } as usual.
    // A `signal` given to raw travels on the Request, which the transport honours when the call names none.
    fetch: transport.bind({ operation: 'raw' }),
  };
  // Typed calls build a PendingRequest (URL + init), not a Request: the transport sends it as fetch(url, init)
  // (see runtime's pending-request.ts; packages/bench B1/B2). `raw` keeps real Requests (its middleware sees
  // them), from the global Request looked up at first use, so that creating a client does not load Node's fetch;
  // and it is built on first access: most programs never touch it, and creating it is ≈0.1 ms (bench B8).
  const client = createClient<ShoplazzaPaths>({
    ...shared,
    Request: PendingRequest as unknown as typeof Request,
  });
  let raw: ShoplazzaRawClient | undefined;
  const context = { client, transport, maxBodyBytes: options.maxBodyBytes };
  return Object.freeze({
    provider: PROVIDER,
    shop,
    baseUrl,
    get raw(): ShoplazzaRawClient {
      raw ??= createClient<ShoplazzaPaths>({ ...shared, Request: LazyRequest }) as ShoplazzaRawClient;
      return raw;
    },
    listCollections: (params, requestOptions) => listCollections(context, params, requestOptions),
  } satisfies ShoplazzaClient);
}
