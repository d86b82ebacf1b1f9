import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  type BadRequestError,
  createShoplazzaClient,
  InvalidResponseError,
  RateLimitError,
  type Shoplazza2025ListCollectionsParams,
  ValidationError,
} from '../../src/index';
import { ORIGIN, PAGE, PATH, PRODUCT, SHOP, TOKEN } from './fixtures';
import { headerEntries, json, recorder } from './helpers';

const PATH_2025 = '/openapi/2025-06/collections';
const CURSOR = 'eyJpZCI6ImE2MGZlNTU2In0=';
const envelope = (data: Record<string, unknown>) => ({ code: '200', message: 'Success', data });
const PAGE_2025 = envelope({ collections: PAGE.collections, cursor: CURSOR, has_more: true });

function setup(...answers: Response[]) {
  const rec = recorder(...(answers.length > 0 ? answers : [json(PAGE_2025)]));
  const client = createShoplazzaClient({
    token: TOKEN,
    shop: SHOP,
    apiVersion: '2025-06',
    fetch: rec.fetch,
    retry: false,
    rateLimit: false,
  });
  return { client, rec };
}

describe('Shoplazza apiVersion option', () => {
  it('defaults to 2022-01, whose path and page are unchanged', async () => {
    const rec = recorder(json(PAGE));
    const client = createShoplazzaClient({ token: TOKEN, shop: SHOP, fetch: rec.fetch, rateLimit: false });
    expect(client.apiVersion).toBe('2022-01');
    const page = await client.listCollections({ page: 2, limit: 5 });
    expect(rec.requests[0]!.url).toBe(`${ORIGIN}${PATH}?page=2&limit=5`);
    expect(page).toEqual({ collections: PAGE.collections, requestId: undefined });
  });

  it.each([['2025-6'], ['2025-06 '], ['latest'], [202506], [null]])(
    'refuses apiVersion %j naming the option, before any request',
    (apiVersion) => {
      const rec = recorder(json(PAGE));
      const create = () =>
        createShoplazzaClient({
          token: TOKEN,
          shop: SHOP,
          fetch: rec.fetch,
          apiVersion: apiVersion as never,
        });
      expect(create).toThrow(ValidationError);
      expect(create).toThrow(/option "apiVersion": must be one of 2022-01, 2025-06/);
      expect(rec.requests).toHaveLength(0);
    },
  );
});

describe('Shoplazza 2025-06 listCollections on the wire', () => {
  it('sends GET to the 2025-06 path with the same three headers, and returns the envelope unwrapped', async () => {
    const { client, rec } = setup(json(PAGE_2025, 200, { 'request-id': 'req-1' }));
    expect(client.apiVersion).toBe('2025-06');
    const page = await client.listCollections();
    const request = rec.requests[0]!;
    expect(request.method).toBe('GET');
    expect(request.url).toBe(`${ORIGIN}${PATH_2025}`);
    expect(headerEntries(request)).toEqual([
      ['accept', 'application/json'],
      ['access-token', TOKEN],
      ['content-type', 'application/json'],
    ]);
    expect(page).toEqual({
      collections: PAGE.collections,
      cursor: CURSOR,
      hasMore: true,
      requestId: 'req-1',
    });
  });

  const cases: [string, Shoplazza2025ListCollectionsParams, string][] = [
    ['page_size', { page_size: 100 }, '?page_size=100'],
    ['a cursor, encoded', { cursor: 'a+b/c=' }, '?cursor=a%2Bb%2Fc%3D'],
    ['two ids, one comma-joined value', { ids: ['a1', 'b2'] }, '?ids=a1,b2'],
    [
      'every parameter, in the spec order',
      {
        product_id: PRODUCT,
        updated_at_max: '2024-02-01T08:00:00+08:00',
        updated_at_min: '2024-01-01T00:00:00Z',
        title: 'Summer Sale',
        ids: ['x'],
        page_size: 1,
        cursor: CURSOR,
      },
      `?cursor=${encodeURIComponent(CURSOR)}&page_size=1&ids=x&title=Summer%20Sale&updated_at_min=2024-01-01T00%3A00%3A00Z&updated_at_max=2024-02-01T00%3A00%3A00Z&product_id=${PRODUCT}`,
    ],
  ];
  it.each(cases)('%s', async (_label, params, query) => {
    const { client, rec } = setup();
    await client.listCollections(params);
    expect(rec.requests[0]!.url).toBe(`${ORIGIN}${PATH_2025}${query}`);
  });

  it.each([
    ['an empty cursor', envelope({ collections: [], cursor: '', has_more: false })],
    ['a null cursor', envelope({ collections: [], cursor: null, has_more: false })],
    ['no cursor', envelope({ collections: [], has_more: false })],
    ['a stale cursor', envelope({ collections: [], cursor: CURSOR, has_more: false })],
  ])('the last page (%s) hands on no cursor', async (_label, body) => {
    const { client } = setup(json(body));
    expect(await client.listCollections()).toMatchObject({ cursor: undefined, hasMore: false });
  });

  it('raw serves both versions through the same transport', async () => {
    const { client, rec } = setup(json(PAGE_2025), json(PAGE));
    const v2025 = await client.raw.GET(PATH_2025, { params: { query: { page_size: 2, cursor: CURSOR } } });
    expect(v2025.data?.data.has_more).toBe(true);
    const v2022 = await client.raw.GET(PATH, { params: { query: { limit: 2 } } });
    expect(v2022.data?.collections).toHaveLength(2);
    expect(rec.requests.map((request) => request.url)).toEqual([
      `${ORIGIN}${PATH_2025}?page_size=2&cursor=${encodeURIComponent(CURSOR)}`,
      `${ORIGIN}${PATH}?limit=2`,
    ]);
    expect(rec.requests.every((request) => request.headers.get('access-token') === TOKEN)).toBe(true);
  });
});

describe('Shoplazza 2025-06 validation and errors', () => {
  const bad: [string, unknown, string, RegExp][] = [
    ['page_size 0', { page_size: 0 }, 'page_size', /from 1 to 100/],
    ['page_size 101', { page_size: 101 }, 'page_size', /from 1 to 100/],
    ['a fractional page_size', { page_size: 2.5 }, 'page_size', /integer/],
    ['an empty cursor', { cursor: '' }, 'cursor', /non-empty/],
    ['a numeric cursor', { cursor: 42 }, 'cursor', /non-empty string/],
    ['a cursor with a line break', { cursor: 'abc\r\ndef' }, 'cursor', /control characters/],
    ['a cursor of 1025 characters', { cursor: 'c'.repeat(1025) }, 'cursor', /at most 1024/],
    [
      'page (a 2022-01 parameter)',
      { page: 2 },
      'page',
      /not a parameter of listCollections on API version 2025-06/,
    ],
    ['limit (a 2022-01 parameter)', { limit: 10 }, 'limit', /not a parameter/],
    ['an unknown key', { pageSize: 10 }, 'pageSize', /not a parameter/],
    ['a bad filter', { product_id: 'nope' }, 'product_id', /UUID/],
    ['params that are an array', [], 'params', /object/],
  ];
  it.each(bad)('refuses %s before any request', async (_label, params, option, rule) => {
    const { client, rec } = setup();
    const error = await client.listCollections(params as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ option, operation: 'listCollections', provider: 'shoplazza' });
    expect((error as ValidationError).rule).toMatch(rule);
    expect(rec.requests).toHaveLength(0);
  });

  it('accepts a cursor of exactly 1024 characters', async () => {
    const { client, rec } = setup();
    await client.listCollections({ cursor: 'c'.repeat(1024) });
    expect(rec.requests).toHaveLength(1);
  });

  it.each([
    ['a 2022-01 body', PAGE, 'data'],
    ['has_more missing', envelope({ collections: [] }), 'data.has_more'],
    ['has_more as a string', envelope({ collections: [], has_more: 'true' }), 'data.has_more'],
    ['more, without a cursor', envelope({ collections: [], has_more: true }), 'data.cursor'],
    ['more, with an empty cursor', envelope({ collections: [], cursor: '', has_more: true }), 'data.cursor'],
    [
      'more, with a cursor it could not send back',
      envelope({ collections: [], cursor: 'a\nb', has_more: true }),
      'data.cursor',
    ],
    [
      'an item without id',
      envelope({ collections: [{ title: 't', handle: 'h' }], has_more: false }),
      'data.collections[0].id',
    ],
  ])('a 200 with %s is an InvalidResponseError naming %s', async (_label, body, field) => {
    const { client } = setup(json(body));
    const error = await client.listCollections().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toContain(field);
  });

  it('maps statuses to the same typed errors as 2022-01, token kept out of them', async () => {
    const { client } = setup(json({ error: 'store is not active' }, 401));
    const error = await client.listCollections().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(JSON.stringify(error)).not.toContain(TOKEN);
    const limited = setup(json({ errors: ['Too Many Requests'] }, 429, { 'retry-after': '1' }));
    const rateError = await limited.client.listCollections().catch((e: unknown) => e);
    expect(rateError).toBeInstanceOf(RateLimitError);
    expect((rateError as RateLimitError).retryAfterMs).toBe(1000);
  });

  it("reads the message of the vendor's 2025-06 error envelope", async () => {
    const { client } = setup(json({ code: 'InvalidParameter', message: 'invalid parameter' }, 400));
    const error = await client.listCollections().catch((e: unknown) => e);
    expect((error as BadRequestError).messages).toEqual(['invalid parameter']);
  });
});
