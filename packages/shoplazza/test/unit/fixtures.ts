export const SHOP = 'example-shop';
export const TOKEN = 'shpat-secret-7f3a9c1e-token';
export const ORIGIN = 'https://example-shop.myshoplazza.com';
export const PATH = '/openapi/2022-01/collections';
export const PRODUCT = '4b5f2d0e-8c1a-4f7e-9d3b-2a6c8e1f0b9d';

export const PAGE = {
  collections: [
    {
      id: 'a60fe556-43ad-4e07-9125-507ac1bf71f7',
      title: 'Test-Collection',
      description: 'Desc',
      handle: 'test-collection',
      smart: false,
      image: {
        src: '//cdn.shoplazza.com/9de53f9726576696b318a8d95c0946cb.jpeg',
        width: 1920,
        height: 1080,
        alt: '',
        path: '9de53f9726576696b318a8d95c0946cb.jpeg',
      },
      seo_title: 'seo_title',
      seo_description: 'Desc',
      seo_keywords: 'test',
      sort_order: 'title-asc',
      created_at: '2024-04-16T10:31:13Z',
      updated_at: '2024-04-16T10:31:13Z',
    },
    { id: '0b6b0a7e-4a4e-4c39-9a55-3f1f2d9b6c11', title: 'Summer', handle: 'summer' },
  ],
};
