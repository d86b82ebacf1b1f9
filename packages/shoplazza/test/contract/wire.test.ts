import { type Exchange, recordingFetch } from '@commerce-collections/contract';
import { describe, expect, inject, it } from 'vitest';
import {
  createShoplazzaClient,
  type Shoplazza2025ListCollectionsParams,
  type ShoplazzaListCollectionsParams,
} from '../../src/index';
import './provided-context';

const PATH = '/openapi/2022-01/collections';
const PRODUCT = '4b5f2d0e-8c1a-4f7e-9d3b-2a6c8e1f0b9d';

// Prism matches query names case-insensitively and takes `ids=a&ids=b` for a comma list, so "Prism said 200"
// is not enough: the exact bytes are asserted from the recorded request, and Prism must also accept them.
describe('Shoplazza wire format against the Prism mock', () => {
  const log: Exchange[] = [];
  const client = () =>
    createShoplazzaClient({
      token: 'contract-token',
      baseUrl: inject('shoplazzaMockUrl'),
      fetch: recordingFetch(log),
      retry: false,
      rateLimit: false,
    });

  const cases: [string, ShoplazzaListCollectionsParams, string][] = [
    ['defaults', {}, ''],
    ['page and limit', { page: 3, limit: 100 }, '?page=3&limit=100'],
    [
      'comma-joined ids',
      { ids: ['a60fe556-43ad-4e07-9125-507ac1bf71f7', '0b6b0a7e-4a4e-4c39-9a55-3f1f2d9b6c11'] },
      '?ids=a60fe556-43ad-4e07-9125-507ac1bf71f7,0b6b0a7e-4a4e-4c39-9a55-3f1f2d9b6c11',
    ],
    ['a hostile title', { title: 'a&b=c #1 100% +x' }, '?title=a%26b%3Dc%20%231%20100%25%20%2Bx'],
    ['a unicode title', { title: '新品 🎉' }, '?title=%E6%96%B0%E5%93%81%20%F0%9F%8E%89'],
    [
      'dates normalised to UTC',
      {
        updated_at_min: '2024-01-01T08:00:00+08:00',
        updated_at_max: new Date(Date.UTC(2024, 11, 31, 23, 59, 59)),
      },
      '?updated_at_min=2024-01-01T00%3A00%3A00Z&updated_at_max=2024-12-31T23%3A59%3A59Z',
    ],
    ['product_id', { product_id: PRODUCT }, `?product_id=${PRODUCT}`],
    [
      'every parameter',
      {
        ids: ['x'],
        title: 't',
        updated_at_min: '2024-01-01T00:00:00Z',
        updated_at_max: '2024-02-01T00:00:00Z',
        product_id: PRODUCT,
        page: 1,
        limit: 1,
      },
      `?ids=x&title=t&updated_at_min=2024-01-01T00%3A00%3A00Z&updated_at_max=2024-02-01T00%3A00%3A00Z&product_id=${PRODUCT}&page=1&limit=1`,
    ],
  ];

  it.each(cases)('%s', async (_label, params, query) => {
    const page = await client().listCollections(params);
    expect(page.collections).toBeInstanceOf(Array);
    const exchange = log.at(-1)!;
    expect(exchange.method).toBe('GET');
    expect(exchange.url).toBe(`${inject('shoplazzaMockUrl')}${PATH}${query}`);
    expect(exchange.headers).toEqual({
      accept: 'application/json',
      'access-token': 'contract-token',
      'content-type': 'application/json',
    });
    expect(exchange.status).toBe(200);
    expect(exchange.violations).toEqual([]);
  });

  it('raw sends the same headers and Prism accepts them', async () => {
    const { data, response } = await client().raw.GET(PATH, {
      params: { query: { ids: 'a,b', limit: 2 } },
    });
    expect(response.status).toBe(200);
    expect(data?.collections).toBeInstanceOf(Array);
    const exchange = log.at(-1)!;
    expect(exchange.url).toBe(`${inject('shoplazzaMockUrl')}${PATH}?ids=a,b&limit=2`);
    expect(exchange.headers['access-token']).toBe('contract-token');
    expect(exchange.violations).toEqual([]);
  });
});

describe('Shoplazza 2025-06 wire format against the Prism mock', () => {
  const PATH_2025 = '/openapi/2025-06/collections';
  const CURSOR = 'eyJpZCI6ImE2MGZlNTU2LTQzYWQtNGUwNy05MTI1LTUwN2FjMWJmNzFmNyJ9';
  const log: Exchange[] = [];
  const client = () =>
    createShoplazzaClient({
      apiVersion: '2025-06',
      token: 'contract-token',
      baseUrl: inject('shoplazzaMockUrl'),
      fetch: recordingFetch(log),
      retry: false,
      rateLimit: false,
    });

  const cases: [string, Shoplazza2025ListCollectionsParams, string][] = [
    ['defaults', {}, ''],
    ['cursor and page_size', { cursor: CURSOR, page_size: 100 }, `?cursor=${CURSOR}&page_size=100`],
    ['a cursor with reserved characters', { cursor: 'a+b/c=' }, '?cursor=a%2Bb%2Fc%3D'],
    [
      'comma-joined ids',
      { ids: ['a60fe556-43ad-4e07-9125-507ac1bf71f7', 'b'] },
      '?ids=a60fe556-43ad-4e07-9125-507ac1bf71f7,b',
    ],
    [
      'every parameter',
      {
        cursor: 'c1',
        page_size: 1,
        ids: ['x'],
        title: 'a&b',
        updated_at_min: '2024-01-01T08:00:00+08:00',
        updated_at_max: '2024-02-01T00:00:00Z',
        product_id: PRODUCT,
      },
      `?cursor=c1&page_size=1&ids=x&title=a%26b&updated_at_min=2024-01-01T00%3A00%3A00Z&updated_at_max=2024-02-01T00%3A00%3A00Z&product_id=${PRODUCT}`,
    ],
  ];

  it.each(cases)('%s', async (_label, params, query) => {
    const page = await client().listCollections(params);
    expect(page.collections).toBeInstanceOf(Array);
    expect(typeof page.hasMore).toBe('boolean');
    const exchange = log.at(-1)!;
    expect(exchange.method).toBe('GET');
    expect(exchange.url).toBe(`${inject('shoplazzaMockUrl')}${PATH_2025}${query}`);
    expect(exchange.headers).toEqual({
      accept: 'application/json',
      'access-token': 'contract-token',
      'content-type': 'application/json',
    });
    expect(exchange.status).toBe(200);
    expect(exchange.violations).toEqual([]);
  });

  it('raw reaches both versions, and Prism accepts both', async () => {
    const raw = client().raw;
    const v2025 = await raw.GET(PATH_2025, { params: { query: { page_size: 2 } } });
    const v2022 = await raw.GET(PATH, { params: { query: { limit: 2 } } });
    expect(v2025.response.status).toBe(200);
    expect(typeof v2025.data?.data.has_more).toBe('boolean');
    expect(v2022.data?.collections).toBeInstanceOf(Array);
    expect(log.slice(-2).map((exchange) => exchange.url)).toEqual([
      `${inject('shoplazzaMockUrl')}${PATH_2025}?page_size=2`,
      `${inject('shoplazzaMockUrl')}${PATH}?limit=2`,
    ]);
    expect(log.slice(-2).flatMap((exchange) => exchange.violations)).toEqual([]);
  });
});
