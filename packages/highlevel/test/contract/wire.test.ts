import { type Exchange, recordingFetch } from '@commerce-collections/contract';
import { describe, expect, inject, it } from 'vitest';
import { createHighLevelClient, type HighLevelListCollectionsParams } from '../../src/index';
import './provided-context';

const LOCATION = '6578278e879ad2646715ba9c';
const PATH = '/products/collections';
const BASE = `altId=${LOCATION}&altType=location`;

// Prism accepts `altid` for `altId` and `collectionIds=a&collectionIds=b` for a comma list, so "Prism said
// 200" is not enough: the exact bytes are asserted from the recorded request, and Prism must also accept them.
describe('HighLevel wire format against the Prism mock', () => {
  const log: Exchange[] = [];
  const client = () =>
    createHighLevelClient({
      token: 'contract-token',
      locationId: LOCATION,
      baseUrl: inject('highlevelMockUrl'),
      fetch: recordingFetch(log),
      retry: false,
      rateLimit: false,
    });

  const cases: [string, HighLevelListCollectionsParams, string][] = [
    ['defaults', {}, BASE],
    ['limit and offset', { limit: 50, offset: 100 }, `limit=50&offset=100&${BASE}`],
    [
      'comma-joined ids',
      { collectionIds: ['65d71377c326ea78e1c47df5', '65d71377c326ea78e1c47d34'] },
      `${BASE}&collectionIds=65d71377c326ea78e1c47df5,65d71377c326ea78e1c47d34`,
    ],
    ['a name with a space', { name: 'Best Sellers' }, `${BASE}&name=Best%20Sellers`],
    ['a hostile name', { name: 'a&b=c #1 100% +x' }, `${BASE}&name=a%26b%3Dc%20%231%20100%25%20%2Bx`],
    ['a unicode name', { name: 'Café 🎉' }, `${BASE}&name=Caf%C3%A9%20%F0%9F%8E%89`],
    [
      'every parameter',
      { limit: 1, offset: 0, collectionIds: ['x'], name: 'n' },
      `limit=1&offset=0&${BASE}&collectionIds=x&name=n`,
    ],
  ];

  it.each(cases)('%s', async (_label, params, query) => {
    const page = await client().listCollections(params);
    expect(page.total).toBeTypeOf('number');
    const exchange = log.at(-1)!;
    expect(exchange.method).toBe('GET');
    expect(exchange.url).toBe(`${inject('highlevelMockUrl')}${PATH}?${query}`);
    expect(exchange.headers).toEqual({
      accept: 'application/json',
      authorization: 'Bearer contract-token',
      version: '2021-07-28',
    });
    expect(exchange.status).toBe(200);
    expect(exchange.violations).toEqual([]);
  });

  it('raw sends the same headers and Prism accepts them', async () => {
    const { data, response } = await client().raw.GET(PATH, {
      params: { query: { altId: LOCATION, altType: 'location', collectionIds: 'a,b' } },
    });
    expect(response.status).toBe(200);
    expect(data?.data).toBeInstanceOf(Array);
    const exchange = log.at(-1)!;
    expect(exchange.url).toBe(`${inject('highlevelMockUrl')}${PATH}?${BASE}&collectionIds=a,b`);
    expect(exchange.headers.version).toBe('2021-07-28');
    expect(exchange.violations).toEqual([]);
  });
});
