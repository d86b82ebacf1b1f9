import { createLeakyBucketLimiter, createTransport } from '@commerce-collections/runtime';
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
  const client = createClient<ShoplazzaPaths>({
    baseUrl,
    // The vendor lists Content-Type as required even on this GET; openapi-fetch only sets it with a body.
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...auth.staticHeaders },
    querySerializer,
    // `raw` calls: the transport without throwHttpErrors, so openapi-fetch returns { error, response } as usual.
    // A `signal` given to raw travels on the Request, which the transport honours when the call names none.
    fetch: transport.bind({ operation: 'raw' }),
  });
  const context = { client, transport, maxBodyBytes: options.maxBodyBytes };
  return Object.freeze({
    provider: PROVIDER,
    shop,
    baseUrl,
    raw: client as ShoplazzaRawClient,
    listCollections: (params, requestOptions) => listCollections(context, params, requestOptions),
  } satisfies ShoplazzaClient);
}
