import type { Collection } from '@commerce-collections/sdk';

/** Collections in the SDK's shared model, as the formatters receive them. */
export function highLevelCollection(overrides: Partial<Collection> = {}): Collection {
  return {
    provider: 'highlevel',
    id: '6578278e879ad2646715ba01',
    title: 'Summer Sale',
    handle: 'summer-sale',
    description: undefined,
    imageUrl: 'https://cdn.example.com/summer.png',
    seo: { title: 'Summer', description: undefined, keywords: [] },
    smart: undefined,
    sortOrder: undefined,
    createdAt: '2024-05-01T08:00:00.000Z',
    updatedAt: undefined,
    raw: { _id: '6578278e879ad2646715ba01', name: 'Summer Sale', slug: 'summer-sale' },
    ...overrides,
  } as Collection;
}

export function shoplazzaCollection(overrides: Partial<Collection> = {}): Collection {
  return {
    provider: 'shoplazza',
    id: '0f8fad5b-d9cb-469f-a165-70867728950e',
    title: '夏季新品 Summer arrivals',
    handle: 'summer-arrivals',
    description: 'New in',
    imageUrl: undefined,
    seo: undefined,
    smart: false,
    sortOrder: 'manual',
    createdAt: '2024-04-01T00:00:00Z',
    updatedAt: '2024-05-02T10:20:30+08:00',
    raw: { id: '0f8fad5b-d9cb-469f-a165-70867728950e', title: '夏季新品 Summer arrivals' },
    ...overrides,
  } as Collection;
}
