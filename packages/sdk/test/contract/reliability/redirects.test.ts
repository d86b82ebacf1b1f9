import { createHighLevelClient } from '@commerce-collections/highlevel';
import { createShoplazzaClient } from '@commerce-collections/shoplazza';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import {
  type AttemptEvent,
  CommerceCollectionsError,
  createCollectionsClient,
  getListProgress,
  RedirectError,
} from '../../../src/index';
import { type RawServer, startRawServer } from '../../support/reliability/raw-server';
import { findLeaks, SECRET_TOKEN } from '../../support/reliability/secrets';

/**
 * An API host that answers a redirect to another host (both real servers on loopback). The clients never follow
 * it — typed calls, `raw` and the facade alike: the call fails with a RedirectError naming the status and the
 * target host, and the other host receives nothing (no token, no request). The other host serves a valid page,
 * so a followed redirect would show up as a "successful" listing.
 */
type Provider = 'highlevel' | 'shoplazza';

const STATUSES = [301, 302, 303, 307, 308] as const;
const PAGES: Record<Provider, string> = {
  highlevel: '{"data":[{"_id":"evil","name":"Evil"}],"total":1}',
  shoplazza: '{"collections":[{"id":"evil","title":"Evil","handle":"evil"}]}',
};

let redirect: { status: number; location: string | undefined } = { status: 302, location: undefined };
let api: RawServer;
let other: RawServer;
let otherProvider: Provider = 'highlevel';

beforeAll(async () => {
  other = await startRawServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' }).end(PAGES[otherProvider]);
  });
  api = await startRawServer((_request, response) => {
    const headers: Record<string, string> = { 'x-request-id': 'req-redirect', 'request-id': 'req-redirect' };
    if (redirect.location !== undefined) headers.location = redirect.location;
    response.writeHead(redirect.status, headers).end('moved');
  });
});
afterAll(async () => {
  await Promise.all([api?.close(), other?.close()]);
});
beforeEach(() => {
  api.requests.length = 0;
  other.requests.length = 0;
});

const otherHost = () => new URL(other.url).host;
/** Where a hostile API host sends the caller: a path and query that would carry the token on, if followed. */
const stealingLocation = () =>
  `${other.url}/steal/${SECRET_TOKEN}?access_token=${SECRET_TOKEN}&next=%2Fsecret-path`;

const retry = { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 2, maxRetryAfterMs: 10 };

function typedClient(provider: Provider, events: AttemptEvent[] = []) {
  const common = {
    token: SECRET_TOKEN,
    baseUrl: api.url,
    rateLimit: false as const,
    retry,
    hooks: { onAttempt: (event: AttemptEvent) => events.push(event) },
  };
  return provider === 'highlevel'
    ? createHighLevelClient({ ...common, locationId: 'loc_1' })
    : createShoplazzaClient({ ...common, shop: 'redirected' });
}

/** The three ways in: a typed call, `raw`, and the facade's list(). Each returns what it threw. */
const routes: Record<string, (provider: Provider) => Promise<unknown>> = {
  'typed call': (provider) => typedClient(provider).listCollections({ limit: 5 }),
  raw: async (provider) => {
    const client = typedClient(provider);
    return client.provider === 'highlevel'
      ? client.raw.GET('/products/collections', {
          params: { query: { altId: 'loc_1', altType: 'location' } },
        })
      : client.raw.GET('/openapi/2022-01/collections', { params: { query: { limit: 5 } } });
  },
  'facade list()': async (provider) => {
    const block =
      provider === 'highlevel'
        ? { token: SECRET_TOKEN, locationId: 'loc_1', baseUrl: api.url, rateLimit: false }
        : { token: SECRET_TOKEN, shop: 'redirected', baseUrl: api.url, rateLimit: false };
    const client = createCollectionsClient({ [provider]: block, retry });
    for await (const _ of client.list({ provider, pageSize: 5 })) {
      // a followed redirect would yield the other host's "evil" collection here
    }
  },
};

async function failure(run: () => Promise<unknown>): Promise<RedirectError> {
  let thrown: unknown;
  try {
    const result = await run();
    thrown = new Error(`resolved instead of throwing: ${JSON.stringify(result ?? null).slice(0, 200)}`);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(RedirectError);
  expect(thrown).toBeInstanceOf(CommerceCollectionsError);
  expect(findLeaks(SECRET_TOKEN, [thrown])).toEqual([]);
  return thrown as RedirectError;
}

describe.each(['highlevel', 'shoplazza'] as const)('%s: redirects are never followed', (provider) => {
  beforeEach(() => {
    otherProvider = provider;
  });

  describe.each(Object.keys(routes))('%s', (route) => {
    test.each(STATUSES)(
      '%i to another host: RedirectError naming it, the other host gets nothing',
      async (status) => {
        redirect = { status, location: stealingLocation() };
        const error = await failure(() => (routes[route] as (p: Provider) => Promise<unknown>)(provider));
        expect(error).toMatchObject({
          provider,
          status,
          targetHost: otherHost(),
          attempts: 1,
          requestId: 'req-redirect',
        });
        expect(error.message).toContain(`redirect refused (${status} `);
        expect(error.message).toContain(`to ${otherHost()})`);
        // Host and port only: the Location's path and query (which could carry secrets) stay out of the error.
        expect(JSON.stringify(error)).not.toMatch(/steal|access_token|secret-path/);
        expect(error.toJSON()).toMatchObject({ name: 'RedirectError', targetHost: otherHost(), status });
        if (route === 'facade list()') expect(getListProgress(error)).toMatchObject({ yielded: 0 });
        expect(api.requests).toHaveLength(1); // not retried
        expect(other.requests).toEqual([]);
      },
    );

    test('a relative Location (same host) is refused too, and not requested', async () => {
      redirect = { status: 307, location: `/elsewhere?access_token=${SECRET_TOKEN}` };
      const error = await failure(() => (routes[route] as (p: Provider) => Promise<unknown>)(provider));
      expect(error).toMatchObject({ status: 307, targetHost: new URL(api.url).host, attempts: 1 });
      expect(api.requests).toHaveLength(1);
      expect(api.requests[0]).not.toContain('elsewhere');
      expect(other.requests).toEqual([]);
    });
  });

  test('a 3xx without a Location: RedirectError with the target unknown', async () => {
    redirect = { status: 302, location: undefined };
    const error = await failure(() => typedClient(provider).listCollections());
    expect(error.targetHost).toBeUndefined();
    expect(error.message).toContain('redirect refused (302 Found, to an unknown target)');
  });

  test('the attempt is reported once, as a RedirectError, and no retry is scheduled', async () => {
    redirect = { status: 308, location: stealingLocation() };
    const events: AttemptEvent[] = [];
    await failure(() => typedClient(provider, events).listCollections());
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ attempt: 1, status: 308, error: 'RedirectError' });
    expect(events[0]?.retryInMs).toBeUndefined();
    expect(findLeaks(SECRET_TOKEN, events)).toEqual([]);
  });
});
