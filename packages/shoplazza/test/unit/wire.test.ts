import { describe, expect, it } from 'vitest';
import {
  createShoplazzaClient,
  type ShoplazzaClientOptions,
  type ShoplazzaListCollectionsParams,
} from '../../src/index';
import { ORIGIN, PAGE, PATH, PRODUCT, SHOP, TOKEN } from './fixtures';
import { headerEntries, json, recorder } from './helpers';

function setup(overrides: Partial<ShoplazzaClientOptions> = {}) {
  const rec = recorder(json(PAGE));
  const client = createShoplazzaClient({
    token: TOKEN,
    shop: SHOP,
    fetch: rec.fetch,
    retry: false,
    rateLimit: false,
    ...overrides,
  });
  return { client, rec };
}

describe('Shoplazza listCollections on the wire', () => {
  it('sends GET with exactly access-token, Content-Type and Accept, and no query by default', async () => {
    const { client, rec } = setup();
    await client.listCollections();
    expect(rec.requests).toHaveLength(1);
    const request = rec.requests[0]!;
    expect(request.method).toBe('GET');
    expect(request.url).toBe(`${ORIGIN}${PATH}`);
    expect(headerEntries(request)).toEqual([
      ['accept', 'application/json'],
      ['access-token', TOKEN],
      ['content-type', 'application/json'],
    ]);
    expect(request.body).toBeNull();
  });

  const cases: [string, ShoplazzaListCollectionsParams, string][] = [
    ['an empty params object', {}, ''],
    [
      'one id',
      { ids: ['a60fe556-43ad-4e07-9125-507ac1bf71f7'] },
      '?ids=a60fe556-43ad-4e07-9125-507ac1bf71f7',
    ],
    ['two ids, one comma-joined value', { ids: ['a1', 'b2'] }, '?ids=a1,b2'],
    ['title', { title: 'Summer Sale' }, '?title=Summer%20Sale'],
    [
      'updated_at_min in UTC',
      { updated_at_min: '2024-01-01T00:00:00Z' },
      '?updated_at_min=2024-01-01T00%3A00%3A00Z',
    ],
    [
      'updated_at_max with an offset, normalised to UTC',
      { updated_at_max: '2024-01-01T08:30:00+08:00' },
      '?updated_at_max=2024-01-01T00%3A30%3A00Z',
    ],
    [
      'a negative offset crossing midnight',
      { updated_at_min: '2023-12-31T22:00:00-05:00' },
      '?updated_at_min=2024-01-01T03%3A00%3A00Z',
    ],
    [
      'fractional seconds and a lower-case z, dropped and normalised',
      { updated_at_min: '2024-04-16T10:31:13.999z' },
      '?updated_at_min=2024-04-16T10%3A31%3A13Z',
    ],
    [
      'a Date',
      { updated_at_min: new Date(Date.UTC(2024, 3, 16, 10, 31, 13, 500)) },
      '?updated_at_min=2024-04-16T10%3A31%3A13Z',
    ],
    ['product_id', { product_id: PRODUCT }, `?product_id=${PRODUCT}`],
    ['page', { page: 3 }, '?page=3'],
    ['limit 1', { limit: 1 }, '?limit=1'],
    ['limit 100', { limit: 100 }, '?limit=100'],
    [
      'every parameter, in the spec order',
      {
        limit: 50,
        page: 2,
        product_id: PRODUCT,
        updated_at_max: '2024-12-31T23:59:59Z',
        updated_at_min: '2024-01-01T00:00:00Z',
        title: 'Test',
        ids: ['x', 'y'],
      },
      `?ids=x,y&title=Test&updated_at_min=2024-01-01T00%3A00%3A00Z&updated_at_max=2024-12-31T23%3A59%3A59Z&product_id=${PRODUCT}&page=2&limit=50`,
    ],
    [
      'undefined values are left out',
      { ids: undefined, title: undefined, updated_at_min: undefined, page: undefined, limit: undefined },
      '',
    ],
  ];
  it.each(cases)('query for %s', async (_label, params, query) => {
    const { client, rec } = setup();
    await client.listCollections(params);
    expect(rec.requests[0]!.url).toBe(`${ORIGIN}${PATH}${query}`);
  });

  it('sends the dates as YYYY-MM-DDTHH:mm:ssZ once decoded', async () => {
    const { client, rec } = setup();
    await client.listCollections({
      updated_at_min: '2024-06-01T12:00:00+02:00',
      updated_at_max: new Date(0),
    });
    const params = new URL(rec.requests[0]!.url).searchParams;
    expect(params.get('updated_at_min')).toBe('2024-06-01T10:00:00Z');
    expect(params.get('updated_at_max')).toBe('1970-01-01T00:00:00Z');
  });

  const hostile: [string, string][] = [
    ['a&b=c', 'a%26b%3Dc'],
    ['#hash', '%23hash'],
    ['100%', '100%25'],
    ['a+b', 'a%2Bb'],
    ['Café 🎉', 'Caf%C3%A9%20%F0%9F%8E%89'],
    ['新品', '%E6%96%B0%E5%93%81'],
  ];
  it.each(hostile)('percent-encodes the title %j as %s and it decodes back', async (title, encoded) => {
    const { client, rec } = setup();
    await client.listCollections({ title });
    const url = rec.requests[0]!.url;
    expect(url).toBe(`${ORIGIN}${PATH}?title=${encoded}`);
    expect(new URL(url).searchParams.getAll('title')).toEqual([title]);
    expect([...new URL(url).searchParams.keys()]).toEqual(['title']);
  });

  it('percent-encodes characters inside ids but keeps the joining comma literal', async () => {
    const { client, rec } = setup();
    await client.listCollections({ ids: ['a/b', 'c&d'] });
    expect(rec.requests[0]!.url).toBe(`${ORIGIN}${PATH}?ids=a%2Fb,c%26d`);
  });

  it.each([
    [{ shop: 'My-Store2' }, 'https://my-store2.myshoplazza.com'],
    [{ shop: 'my-store', domain: 'myshoplaza.com' as const }, 'https://my-store.myshoplaza.com'],
    [{ shop: 'my-store', domain: 'myshoplazza.com' as const }, 'https://my-store.myshoplazza.com'],
    [{ shop: undefined, baseUrl: 'http://127.0.0.1:4010' }, 'http://127.0.0.1:4010'],
    [{ shop: 'ignored-for-host', baseUrl: 'https://proxy.example.com/sl/' }, 'https://proxy.example.com/sl'],
  ])('builds the base URL from %j', async (overrides, expected) => {
    const { client, rec } = setup(overrides);
    expect(client.baseUrl).toBe(expected);
    expect(client.shop).toBe(overrides.shop);
    await client.listCollections();
    expect(rec.requests[0]!.url).toBe(`${expected}${PATH}`);
  });

  it('exposes provider, shop and base URL', () => {
    const { client } = setup();
    expect(client.provider).toBe('shoplazza');
    expect(client.shop).toBe(SHOP);
    expect(client.baseUrl).toBe(ORIGIN);
  });
});
