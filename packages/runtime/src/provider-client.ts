import createClient, { type Client, createQuerySerializer } from 'openapi-fetch';
import type { SharedClientOptions, TokenSource } from './client-options';
import { collectMessages } from './collect-messages';
import type { RateLimiter } from './rate-limit/types';
import { type Delivery, readCheckedJson, type ShapeProblem } from './read-json';
import { type RequestOptions, toCallOptions } from './request-options';
import { createTransport, type RequestFetch } from './transport';
import { validateToken } from './validation';

export interface ProviderClientSetup {
  provider: string;
  label: string;
  options: SharedClientOptions;
  token: TokenSource;
  /** The header the token travels in, and the scheme before it (`Bearer`), if any. */
  authHeader: string;
  authScheme?: string;
  baseUrl: string;
  headers: Record<string, string>;
  /** The parameter the spec types as one string of comma-joined ids. */
  listParam: string;
  rateLimiter: RateLimiter | false;
  requestIdHeader: string;
  /** The error body's message fields, in order. */
  messageFields: readonly string[];
}

export interface ProviderClient<Paths extends {}> {
  /** The client object, frozen: `fields`, `baseUrl` and `raw` (openapi-fetch: any status returned, body capped). */
  expose<T extends { baseUrl: string; raw: unknown }>(fields: Omit<T, 'baseUrl' | 'raw'>): T;
  /** One GET whose 2xx body the transport reads (capped, inside its retry loop) and `check` accepts. */
  getPage<Page>(
    operation: string,
    options: RequestOptions | undefined,
    check: (body: unknown) => ShapeProblem | undefined,
    run: (client: Client<Paths>, fetch: RequestFetch) => Promise<unknown>,
  ): Promise<{ page: Page; requestId: string | undefined }>;
}

// Built once per process: openapi-fetch rebuilds a serializer on every call when given options, not a function.
const serializeWithLists = createQuerySerializer({ array: { style: 'form', explode: false } });

/**
 * What the clients share: the transport, auth, and openapi-fetch clients made on first use (createClient reads
 * globalThis.Request, which makes Node 20 load its fetch implementation: milliseconds). A fixed token goes into
 * the static headers with no authenticate hook, so the transport does not pointlessly retry a 401 with it.
 * The list parameter is sent split, as a `style: form, explode: false` list: the joining comma stays literal
 * (`ids=a,b`; openapi-fetch writes a string's comma as `%2C`) and each id is encoded on its own (a space as `%20`).
 */
export function createProviderClient<Paths extends {}>(setup: ProviderClientSetup): ProviderClient<Paths> {
  const { provider, label, options, token, authHeader, authScheme, listParam } = setup;
  const authValue = (value: string): string => (authScheme ? `${authScheme} ${value}` : value);
  const fixedToken = typeof token === 'string';
  // Only the shared options: the transport also takes test seams (random, sleep) no client option may set.
  const { fetch, retry, timeoutMs, logger, logLevel, hooks, maxBodyBytes } = options;
  const shared = { fetch, retry, timeoutMs, logger, logLevel, hooks, maxBodyBytes };
  const transport = createTransport({
    ...shared,
    provider,
    label,
    rateLimiter: setup.rateLimiter,
    requestIdHeader: setup.requestIdHeader,
    extractMessages: (body) => collectMessages(body, setup.messageFields),
    authenticate: fixedToken
      ? undefined
      : async (headers, context) => {
          const value = await token({ refresh: context.refresh });
          // A function can return anything at run time; a bad value must fail before it reaches a header.
          validateToken(value, 'token', { provider, operation: 'authenticate' });
          headers.set(authHeader, authValue(value));
        },
  });
  const fetchOptions = {
    baseUrl: setup.baseUrl,
    headers: fixedToken ? { ...setup.headers, [authHeader]: authValue(token) } : setup.headers,
    querySerializer: (query: Record<string, unknown>) => {
      const ids = query[listParam];
      return serializeWithLists(typeof ids === 'string' ? { ...query, [listParam]: ids.split(',') } : query);
    },
  };
  let typed: Client<Paths> | undefined;
  let raw: Client<Paths> | undefined;
  return {
    expose<T>(fields: object): T {
      const client = { ...fields, baseUrl: setup.baseUrl };
      const get = () => (raw ??= createClient<Paths>({ ...fetchOptions, fetch: transport.fetch }));
      return Object.freeze(Object.defineProperty(client, 'raw', { get, enumerable: true })) as T;
    },
    async getPage(operation, requestOptions, check, run) {
      typed ??= createClient<Paths>(fetchOptions);
      const call = toCallOptions({ provider, label, operation }, requestOptions);
      let delivery: Delivery | undefined;
      // A non-2xx throws its ApiError; the 2xx body is read (capped) inside the retry loop.
      await run(typed, async (request) => {
        delivery = await transport.send(request, call);
        return delivery.response;
      });
      // Set: openapi-fetch calls `fetch` once per call (we add no middleware).
      return readCheckedJson(delivery as Delivery, { provider, label, operation, check });
    },
  };
}
