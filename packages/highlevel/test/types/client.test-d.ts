import { describe, expectTypeOf, it } from 'vitest';
import {
  createHighLevelClient,
  type HighLevelClient,
  type HighLevelCollection,
  type HighLevelCollectionsPage,
  type HighLevelListCollectionsParams,
} from '../../src/index';

declare const client: HighLevelClient;
const query = { altId: 'loc', altType: 'location' } as const;

describe('HighLevel raw client types', () => {
  it('requires altId and a lower-case altType', () => {
    // @ts-expect-error altId is required
    client.raw.GET('/products/collections', { params: { query: { altType: 'location' } } });
    // @ts-expect-error altType must be 'location' (lower case)
    client.raw.GET('/products/collections', { params: { query: { altId: 'loc', altType: 'LOCATION' } } });
    // @ts-expect-error unknown query parameters are refused
    client.raw.GET('/products/collections', { params: { query: { ...query, page: 2 } } });
    // The spec types collectionIds as one comma-joined string (the vendor's own type), so every generator
    // sends one value; the typed listCollections takes a list and joins it.
    client.raw.GET('/products/collections', { params: { query: { ...query, collectionIds: 'a,b' } } });
    // @ts-expect-error collectionIds is one comma-joined string in the raw client, not a list
    client.raw.GET('/products/collections', { params: { query: { ...query, collectionIds: ['a', 'b'] } } });
    // @ts-expect-error params are required (altId, altType)
    client.raw.GET('/products/collections');
    // @ts-expect-error unknown path
    client.raw.GET('/products', { params: { query } });
  });

  it('makes the Version header optional but still typed', () => {
    client.raw.GET('/products/collections', { params: { query } });
    client.raw.GET('/products/collections', { params: { query, header: { Version: '2021-07-28' } } });
    // @ts-expect-error only the pinned version is allowed
    client.raw.GET('/products/collections', { params: { query, header: { Version: '2023-02-21' } } });
  });

  it('types the response', async () => {
    const { data, error } = await client.raw.GET('/products/collections', { params: { query } });
    if (data) {
      expectTypeOf(data.total).toEqualTypeOf<number>();
      expectTypeOf(data.data).toEqualTypeOf<HighLevelCollection[]>();
      const first = data.data[0];
      if (first) {
        expectTypeOf(first._id).toEqualTypeOf<string>();
        expectTypeOf(first.seo).toEqualTypeOf<
          { title?: string | null; description?: string | null } | null | undefined
        >();
        // @ts-expect-error no such field
        first.nope;
      }
      // @ts-expect-error total is a number
      data.total.toUpperCase();
      // @ts-expect-error total is a number
      const asString: string = data.total;
      void asString;
    }
    if (error) {
      expectTypeOf(error.statusCode).toEqualTypeOf<number | undefined>();
    }
  });
});

describe('HighLevel listCollections types', () => {
  it('types params and the page', () => {
    expectTypeOf(client.listCollections)
      .parameter(0)
      .toEqualTypeOf<HighLevelListCollectionsParams | undefined>();
    expectTypeOf(client.listCollections).returns.resolves.toEqualTypeOf<HighLevelCollectionsPage>();
    expectTypeOf<HighLevelCollectionsPage['requestId']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<HighLevelCollectionsPage['total']>().toEqualTypeOf<number>();
    expectTypeOf<HighLevelCollection['name']>().toEqualTypeOf<string>();
    expectTypeOf<HighLevelCollection['slug']>().toEqualTypeOf<string | null | undefined>();
    client.listCollections({ limit: 10, offset: 0, collectionIds: ['a'], name: 'x' });
    // @ts-expect-error limit is a number
    client.listCollections({ limit: '10' });
    // @ts-expect-error collectionIds is a list
    client.listCollections({ collectionIds: 'a,b' });
    // @ts-expect-error unknown parameter
    client.listCollections({ page: 2 });
    // @ts-expect-error altId comes from the client
    client.listCollections({ altId: 'x' });
    expectTypeOf(client.provider).toEqualTypeOf<'highlevel'>();
  });

  it('types the options', () => {
    createHighLevelClient({ token: 't', locationId: 'l' });
    createHighLevelClient({
      token: async ({ refresh }) => (refresh ? 'a' : 'b'),
      locationId: 'l',
      rateLimit: false,
    });
    createHighLevelClient({ token: () => 't', locationId: 'l', rateLimit: { limit: 5, intervalMs: 1000 } });
    // @ts-expect-error locationId is required
    createHighLevelClient({ token: 't' });
    // @ts-expect-error token must be a string or a function
    createHighLevelClient({ token: 1, locationId: 'l' });
  });
});
