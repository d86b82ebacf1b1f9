import { describe, expect, it } from 'vitest';
import { createHighLevelClient, type HighLevelListCollectionsParams } from '../../src/index';
import { LOCATION, ORIGIN, PAGE, PATH, TOKEN } from './fixtures';
import { headerEntries, json, recorder } from './helpers';

function setup(overrides: { baseUrl?: string; locationId?: string } = {}) {
  const rec = recorder(json(PAGE));
  const client = createHighLevelClient({
    token: TOKEN,
    locationId: overrides.locationId ?? LOCATION,
    baseUrl: overrides.baseUrl,
    fetch: rec.fetch,
    retry: false,
    rateLimit: false,
  });
  return { client, rec };
}

const BASE_QUERY = `altId=${LOCATION}&altType=location`;

describe('HighLevel listCollections on the wire', () => {
  it('sends GET with exactly Authorization, Version, Accept and the location query by default', async () => {
    const { client, rec } = setup();
    await client.listCollections();
    expect(rec.requests).toHaveLength(1);
    const request = rec.requests[0]!;
    expect(request.method).toBe('GET');
    expect(request.url).toBe(`${ORIGIN}${PATH}?${BASE_QUERY}`);
    expect(headerEntries(request)).toEqual([
      ['accept', 'application/json'],
      ['authorization', `Bearer ${TOKEN}`],
      ['version', '2021-07-28'],
    ]);
    expect(request.body).toBeNull();
  });

  it('spells Bearer with a capital B', async () => {
    const { client, rec } = setup();
    await client.listCollections();
    expect(rec.requests[0]!.headers.get('authorization')).toMatch(/^Bearer /);
  });

  const cases: [string, HighLevelListCollectionsParams, string][] = [
    ['no params object', {}, BASE_QUERY],
    ['limit', { limit: 20 }, `limit=20&${BASE_QUERY}`],
    ['limit 1 (the minimum)', { limit: 1 }, `limit=1&${BASE_QUERY}`],
    ['offset 0 (sent when given)', { offset: 0 }, `offset=0&${BASE_QUERY}`],
    ['offset', { offset: 40 }, `offset=40&${BASE_QUERY}`],
    [
      'one collection id',
      { collectionIds: ['65d71377c326ea78e1c47df5'] },
      `${BASE_QUERY}&collectionIds=65d71377c326ea78e1c47df5`,
    ],
    [
      'two collection ids, one comma-joined value',
      { collectionIds: ['a1', 'b2'] },
      `${BASE_QUERY}&collectionIds=a1,b2`,
    ],
    ['name with a space as %20', { name: 'Best Sellers' }, `${BASE_QUERY}&name=Best%20Sellers`],
    [
      'every parameter, in the spec order',
      { name: 'Summer', collectionIds: ['x', 'y', 'z'], offset: 20, limit: 10 },
      `limit=10&offset=20&${BASE_QUERY}&collectionIds=x,y,z&name=Summer`,
    ],
    [
      'undefined values are left out',
      { limit: undefined, offset: undefined, collectionIds: undefined, name: undefined },
      BASE_QUERY,
    ],
  ];
  it.each(cases)('query for %s', async (_label, params, query) => {
    const { client, rec } = setup();
    await client.listCollections(params);
    expect(rec.requests[0]!.url).toBe(`${ORIGIN}${PATH}?${query}`);
  });

  const hostile: [string, string][] = [
    ['a&b=c', 'a%26b%3Dc'],
    ['#hash', '%23hash'],
    ['100%', '100%25'],
    ['a+b', 'a%2Bb'],
    ['x?y/z', 'x%3Fy%2Fz'],
    ['Café 🎉', 'Caf%C3%A9%20%F0%9F%8E%89'],
    ['日本', '%E6%97%A5%E6%9C%AC'],
    ["it's", 'it%27s'],
  ];
  it.each(hostile)('percent-encodes the name %j as %s and it decodes back', async (name, encoded) => {
    const { client, rec } = setup();
    await client.listCollections({ name });
    const url = rec.requests[0]!.url;
    expect(url).toBe(`${ORIGIN}${PATH}?${BASE_QUERY}&name=${encoded}`);
    const parsed = new URL(url).searchParams;
    expect(parsed.getAll('name')).toEqual([name]);
    expect([...parsed.keys()]).toEqual(['altId', 'altType', 'name']);
  });

  it('percent-encodes characters inside collection ids but keeps the joining comma literal', async () => {
    const { client, rec } = setup();
    await client.listCollections({ collectionIds: ['a/b', 'c&d', 'é'] });
    expect(rec.requests[0]!.url).toBe(`${ORIGIN}${PATH}?${BASE_QUERY}&collectionIds=a%2Fb,c%26d,%C3%A9`);
    expect(new URL(rec.requests[0]!.url).searchParams.get('collectionIds')).toBe('a/b,c&d,é');
  });

  it('percent-encodes the location id', async () => {
    const { client, rec } = setup({ locationId: 'loc 1&x=y' });
    await client.listCollections();
    expect(rec.requests[0]!.url).toBe(`${ORIGIN}${PATH}?altId=loc%201%26x%3Dy&altType=location`);
  });

  it.each([
    ['http://127.0.0.1:4010', 'http://127.0.0.1:4010'],
    ['http://localhost:8080/', 'http://localhost:8080'],
    ['https://proxy.example.com/ghl/', 'https://proxy.example.com/ghl'],
  ])('uses the base URL %s', async (baseUrl, expected) => {
    const { client, rec } = setup({ baseUrl });
    expect(client.baseUrl).toBe(expected);
    await client.listCollections();
    expect(rec.requests[0]!.url).toBe(`${expected}${PATH}?${BASE_QUERY}`);
  });

  it('exposes provider, locationId and the default base URL', () => {
    const { client } = setup();
    expect(client.provider).toBe('highlevel');
    expect(client.locationId).toBe(LOCATION);
    expect(client.baseUrl).toBe(ORIGIN);
  });

  it('does not change the caller’s params object', async () => {
    const { client } = setup();
    const params = Object.freeze({ limit: 5, collectionIds: Object.freeze(['a', 'b']) as string[] });
    await client.listCollections(params);
    expect(params).toEqual({ limit: 5, collectionIds: ['a', 'b'] });
  });
});
