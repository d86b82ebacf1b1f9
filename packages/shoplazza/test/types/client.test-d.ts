import { describe, expectTypeOf, it } from 'vitest';
import {
  createShoplazzaClient,
  type ShoplazzaClient,
  type ShoplazzaCollection,
  type ShoplazzaCollectionsPage,
  type ShoplazzaListCollectionsParams,
} from '../../src/index';

declare const client: ShoplazzaClient;
const PATH = '/openapi/2022-01/collections';

describe('Shoplazza raw client types', () => {
  it('types the query', () => {
    client.raw.GET(PATH);
    client.raw.GET(PATH, { params: { query: { ids: 'a', limit: 10, page: 1, title: 't' } } });
    // @ts-expect-error limit is a number
    client.raw.GET(PATH, { params: { query: { limit: '10' } } });
    // @ts-expect-error unknown query parameter
    client.raw.GET(PATH, { params: { query: { cursor: 'abc' } } });
    // The spec types ids as one comma-joined string (the vendor's own type), so every generator sends one
    // value; the typed listCollections takes a list and joins it.
    client.raw.GET(PATH, { params: { query: { ids: 'a,b' } } });
    // @ts-expect-error ids is one comma-joined string in the raw client, not a list
    client.raw.GET(PATH, { params: { query: { ids: ['a', 'b'] } } });
    // @ts-expect-error the version is part of the path
    client.raw.GET('/collections');
  });

  it('types the response', async () => {
    const { data } = await client.raw.GET(PATH);
    if (data) {
      const first = data.collections[0];
      if (first) {
        expectTypeOf(first.id).toEqualTypeOf<string>();
        expectTypeOf(first.smart).toEqualTypeOf<boolean | null | undefined>();
        expectTypeOf(first.image?.width).toEqualTypeOf<number | null | undefined>();
        // @ts-expect-error no such field
        first.nope;
      }
    }
  });
});

describe('Shoplazza listCollections types', () => {
  it('types params and the page', () => {
    expectTypeOf(client.listCollections)
      .parameter(0)
      .toEqualTypeOf<ShoplazzaListCollectionsParams | undefined>();
    expectTypeOf(client.listCollections).returns.resolves.toEqualTypeOf<ShoplazzaCollectionsPage>();
    expectTypeOf<ShoplazzaCollectionsPage['collections']>().toEqualTypeOf<ShoplazzaCollection[]>();
    expectTypeOf<ShoplazzaCollection['id']>().toEqualTypeOf<string>();
    expectTypeOf<ShoplazzaCollection['handle']>().toEqualTypeOf<string>();
    expectTypeOf<ShoplazzaCollectionsPage['requestId']>().toEqualTypeOf<string | undefined>();
    client.listCollections({
      ids: ['a'],
      updated_at_min: new Date(),
      updated_at_max: '2024-01-01T00:00:00Z',
      limit: 5,
    });
    // @ts-expect-error limit is a number
    client.listCollections({ limit: '10' });
    // @ts-expect-error unknown parameter
    client.listCollections({ offset: 10 });
    // @ts-expect-error ids is a list
    client.listCollections({ ids: 'a,b' });
    // @ts-expect-error dates are strings or Dates
    client.listCollections({ updated_at_min: 1_700_000_000 });
    expectTypeOf(client.provider).toEqualTypeOf<'shoplazza'>();
    expectTypeOf(client.shop).toEqualTypeOf<string | undefined>();
  });

  it('types the options', () => {
    createShoplazzaClient({ token: 't', shop: 's' });
    createShoplazzaClient({
      token: () => 't',
      baseUrl: 'http://127.0.0.1:4010',
      rateLimit: { ratePerSecond: 2, burst: 4 },
    });
    // @ts-expect-error only the two platform domains
    createShoplazzaClient({ token: 't', shop: 's', domain: 'shoplazza.com' });
    // @ts-expect-error token is required
    createShoplazzaClient({ shop: 's' });
  });
});
