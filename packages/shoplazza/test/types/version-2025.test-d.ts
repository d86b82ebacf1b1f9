import { describe, expectTypeOf, it } from 'vitest';
import {
  createShoplazzaClient,
  type Shoplazza2025CollectionsPage,
  type ShoplazzaApiVersion,
  type ShoplazzaClient,
  type ShoplazzaCollectionsPage,
} from '../../src/index';

describe('the client is typed by its apiVersion', () => {
  it('defaults to 2022-01', () => {
    const client = createShoplazzaClient({ token: 't', shop: 's' });
    expectTypeOf(client).toEqualTypeOf<ShoplazzaClient<'2022-01'>>();
    expectTypeOf(client.listCollections).returns.resolves.toEqualTypeOf<ShoplazzaCollectionsPage>();
    // @ts-expect-error page_size is a 2025-06 parameter
    client.listCollections({ page_size: 10 });
  });

  it("'2025-06' takes cursor and page_size and returns the cursor page", () => {
    const client = createShoplazzaClient({ token: 't', shop: 's', apiVersion: '2025-06' });
    expectTypeOf(client.apiVersion).toEqualTypeOf<'2025-06'>();
    expectTypeOf(client.listCollections).returns.resolves.toEqualTypeOf<Shoplazza2025CollectionsPage>();
    client.listCollections({ cursor: 'c', page_size: 100, ids: ['a'] });
    // @ts-expect-error page and limit are 2022-01 parameters
    client.listCollections({ page: 2, limit: 10 });
    // @ts-expect-error not a version
    createShoplazzaClient({ token: 't', shop: 's', apiVersion: '2024-01' });
  });

  it('raw types both paths', async () => {
    const client = createShoplazzaClient({ token: 't', shop: 's' });
    const { data } = await client.raw.GET('/openapi/2025-06/collections', {
      params: { query: { cursor: 'c', page_size: 10 } },
    });
    expectTypeOf(data?.data.has_more).toEqualTypeOf<boolean | undefined>();
    // @ts-expect-error 2025-06 has no page parameter
    client.raw.GET('/openapi/2025-06/collections', { params: { query: { page: 1 } } });
  });

  it('a version known only at run time gives the union', () => {
    const version = 'x' as ShoplazzaApiVersion;
    const client = createShoplazzaClient({ token: 't', shop: 's', apiVersion: version });
    expectTypeOf(client.apiVersion).toEqualTypeOf<ShoplazzaApiVersion>();
  });
});
