import { describe, expectTypeOf, it } from 'vitest';
import { highLevelAdapter } from '../../src/adapters/highlevel';
import type { ProviderQueries } from '../../src/adapters/registry';
import { shoplazzaAdapter } from '../../src/adapters/shoplazza';
import {
  type Collection,
  type CollectionOf,
  type CollectionSeo,
  type CollectionsPage,
  type CollectionsPageOf,
  type CommerceCollectionsError,
  type ConsistencyError,
  createCollectionsClient,
  getListProgress,
  type HighLevelClient,
  type HighLevelCollection,
  hasListProgress,
  type ListProgress,
  type ListQuery,
  type PageCursor,
  type PageSizeError,
  type ProviderName,
  type Shoplazza2025Cursor,
  type ShoplazzaApiVersion,
  type ShoplazzaClient,
  type ShoplazzaCollection,
  type ShoplazzaCursor,
  type ValidationError,
} from '../../src/index';

const client = createCollectionsClient({
  highlevel: { token: 't', locationId: 'l' },
  shoplazza: { token: 't', shop: 's' },
});

describe('Collection', () => {
  it('narrowing on provider gives the typed raw item', () => {
    const collection = {} as Collection;
    if (collection.provider === 'highlevel') {
      expectTypeOf(collection.raw).toEqualTypeOf<HighLevelCollection>();
      expectTypeOf(collection.raw._id).toEqualTypeOf<string>();
    } else {
      expectTypeOf(collection.provider).toEqualTypeOf<'shoplazza'>();
      expectTypeOf(collection.raw).toEqualTypeOf<ShoplazzaCollection>();
      expectTypeOf(collection.raw.handle).toEqualTypeOf<string>();
    }
  });

  it('optional fields are `T | undefined`, never null (the facade turns a null from the server into undefined)', () => {
    expectTypeOf<Collection['description']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Collection['imageUrl']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Collection['seo']>().toEqualTypeOf<CollectionSeo | undefined>();
    expectTypeOf<CollectionSeo['title']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<CollectionSeo['description']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Collection['smart']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<Collection['sortOrder']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Collection['createdAt']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Collection['updatedAt']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<CollectionOf<'highlevel'>['createdAt']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<CollectionOf<'shoplazza'>['smart']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf(shoplazzaAdapter.toCollection).returns.toEqualTypeOf<CollectionOf<'shoplazza'>>();
    expectTypeOf(highLevelAdapter.toCollection).returns.toEqualTypeOf<CollectionOf<'highlevel'>>();
  });

  it('shared fields', () => {
    expectTypeOf<Collection['id']>().toEqualTypeOf<string>();
    expectTypeOf<Collection['imageUrl']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<NonNullable<Collection['seo']>['keywords']>().toEqualTypeOf<string[]>();
    // @ts-expect-error there is no such field in the shared model
    ({}) as Collection['slug'];
  });
});

describe('query typing', () => {
  it('provider picks the item type', () => {
    expectTypeOf(client.list({ provider: 'highlevel' })).toEqualTypeOf<
      AsyncIterable<CollectionOf<'highlevel'>>
    >();
    expectTypeOf(client.list({ provider: 'shoplazza' })).toEqualTypeOf<
      AsyncIterable<CollectionOf<'shoplazza'>>
    >();
    expectTypeOf(client.list()).toEqualTypeOf<AsyncIterable<Collection>>();
    expectTypeOf(client.list({ provider: 'all' })).toEqualTypeOf<AsyncIterable<Collection>>();
    expectTypeOf(client.listPages({ provider: 'shoplazza' })).toEqualTypeOf<
      AsyncIterable<CollectionsPageOf<'shoplazza'>>
    >();
    expectTypeOf(client.listPage({ provider: 'highlevel' })).toEqualTypeOf<
      Promise<CollectionsPageOf<'highlevel'>>
    >();
    expectTypeOf(client.listPage()).toEqualTypeOf<Promise<CollectionsPage>>();
  });

  it('HighLevel-only queries cannot carry Shoplazza-only filters', () => {
    // @ts-expect-error HighLevel has no updated-at filter
    client.list({ provider: 'highlevel', updatedAfter: '2024-01-01T00:00:00Z' });
    // @ts-expect-error HighLevel has no product filter
    client.list({ provider: 'highlevel', productId: 'x' });
    client.list({ provider: 'shoplazza', updatedAfter: new Date(), productId: 'x' });
  });

  it('option names and value types are checked', () => {
    // @ts-expect-error pageSize is a number
    client.list({ pageSize: '10' });
    // @ts-expect-error unknown provider
    client.list({ provider: 'shopify' });
    // @ts-expect-error misspelt option
    client.list({ pagesize: 10 });
    client.list({ ids: ['a'], search: 'b', pageSize: 50 }, { signal: new AbortController().signal });
  });

  it('cursors go back in as cursor/resumeFrom', async () => {
    const page = await client.listPage();
    expectTypeOf(page.nextCursor).toEqualTypeOf<PageCursor | undefined>();
    if (page.nextCursor) {
      client.listPage({ cursor: page.nextCursor });
      client.list({}, { resumeFrom: page.nextCursor });
    }
    if (page.provider === 'highlevel') expectTypeOf(page.items).toEqualTypeOf<CollectionOf<'highlevel'>[]>();
  });
});

describe('clients and errors', () => {
  it('exposes the typed clients', () => {
    expectTypeOf(client.highlevel).toEqualTypeOf<HighLevelClient | undefined>();
    // Either API version: the facade's options decide it at run time (client.shoplazza.apiVersion).
    expectTypeOf(client.shoplazza).toEqualTypeOf<ShoplazzaClient<ShoplazzaApiVersion> | undefined>();
  });

  it('progress and errors come from one package', () => {
    const error: unknown = new Error();
    expectTypeOf(getListProgress(error)).toEqualTypeOf<ListProgress | undefined>();
    if (hasListProgress(error)) expectTypeOf(error.progress.resumeCursor).toEqualTypeOf<PageCursor>();
    expectTypeOf<ConsistencyError>().toExtend<CommerceCollectionsError>();
    expectTypeOf<PageSizeError>().toExtend<CommerceCollectionsError>();
    expectTypeOf<PageSizeError['resumeCursor']>().toEqualTypeOf<ShoplazzaCursor>();
    // Shoplazza 2025-06's token cursor is one more variant of the same union.
    expectTypeOf<Shoplazza2025Cursor>().toExtend<PageCursor>();
    expectTypeOf<Extract<PageCursor, { provider: 'shoplazza' }>>().toEqualTypeOf<
      ShoplazzaCursor | Shoplazza2025Cursor
    >();
    expectTypeOf<ValidationError['option']>().toEqualTypeOf<string>();
  });
});

describe('the provider registry', () => {
  it('every registered provider has a query type, and every query type a provider', () => {
    expectTypeOf<keyof ProviderQueries>().toEqualTypeOf<ProviderName>();
    expectTypeOf<ListQuery['provider']>().toEqualTypeOf<ProviderName | 'all' | undefined>();
  });
});
