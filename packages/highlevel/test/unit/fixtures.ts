export const LOCATION = '6578278e879ad2646715ba9c';
export const TOKEN = 'pit-secret-7f3a9c1e-token';
export const ORIGIN = 'https://services.leadconnectorhq.com';
export const PATH = '/products/collections';

export const PAGE = {
  data: [
    {
      _id: '65d71377c326ea78e1c47df5',
      altId: LOCATION,
      name: 'Best Sellers',
      slug: 'best-sellers',
      image: 'https://storage.googleapis.com/msgsndr/x/best-sellers.png',
      seo: { title: 'Best Sellers', description: 'Our most popular products.' },
      createdAt: '2024-02-22T09:30:31.123Z',
    },
    { _id: '65d71377c326ea78e1c47d34', name: 'New Arrivals' },
  ],
  total: 42,
};
