import { type RunningPrism, startPrismMock } from '@commerce-collections/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CollectionsClient, createCollectionsClient, type PageQuery } from '../../../src/index';
import { type Exchange, HIGHLEVEL_PATH, LOCATION, recordingFetch, SHOPLAZZA_PATH, TOKEN } from './exchanges';

const PRODUCT = '4b5f2d0e-8c1a-4f7e-9d3b-2a6c8e1f0b9d';
const HL_IDS = ['65d71377c326ea78e1c47df5', '65d71377c326ea78e1c47d34'];
const SL_IDS = ['a60fe556-43ad-4e07-9125-507ac1bf71f7', '0b6b0a7e-4a4e-4c39-9a55-3f1f2d9b6c11'];
const HL_BASE = `altId=${LOCATION}&altType=location`;

// Facade queries → the provider request on the wire, byte for byte. Prism accepts `altid` for `altId` and
// `ids=a&ids=b` for a comma list, so "Prism said 200" is not enough: the exact URL and headers are asserted from
// the recorded request, and Prism (errors on) must also accept them without a violation.
// The mock answers every request with the same example; a real API answers the page after the last one with an
// empty page, which the facade asks for to confirm that a short Shoplazza page is the last.
const EMPTY_PAGE = 'code=200, example=emptyPage';
/** The same request for the page `by` pages further. */
const otherPage = (url: string, by: number) =>
  url.replace(/([?&])page=(\d+)/, (_, sep, page) => `${sep}page=${Number(page) + by}`);
const nextPage = (url: string) => otherPage(url, 1);

describe('facade wire format against the Prism mocks', () => {
  let highlevel: RunningPrism;
  let shoplazza: RunningPrism;
  const log: Exchange[] = [];
  /** A Shoplazza request for the page right after the one just answered: the confirmation of a short page. */
  const pastTheEnd = (url: URL) =>
    url.pathname === SHOPLAZZA_PATH && log.at(-1)?.url === otherPage(url.href, -1);
  let client: CollectionsClient;

  beforeAll(async () => {
    [highlevel, shoplazza] = await Promise.all([
      startPrismMock({ api: 'highlevel', errors: true }),
      startPrismMock({ api: 'shoplazza', errors: true }),
    ]);
    client = createCollectionsClient({
      highlevel: { token: TOKEN, locationId: LOCATION, baseUrl: highlevel.url, rateLimit: false },
      shoplazza: { token: TOKEN, shop: 'contract-shop', baseUrl: shoplazza.url, rateLimit: false },
      fetch: recordingFetch(log, (url) => (pastTheEnd(url) ? EMPTY_PAGE : undefined)),
      retry: false,
    });
  });
  afterAll(async () => {
    await Promise.allSettled([highlevel?.close(), shoplazza?.close()]);
  });

  const highLevelCases: [string, PageQuery, string][] = [
    ['defaults: pageSize 100 → limit, offset 0', { provider: 'highlevel' }, `limit=100&offset=0&${HL_BASE}`],
    ['pageSize → limit', { provider: 'highlevel', pageSize: 7 }, `limit=7&offset=0&${HL_BASE}`],
    [
      'a cursor → offset',
      { provider: 'highlevel', pageSize: 25, cursor: { provider: 'highlevel', offset: 250 } },
      `limit=25&offset=250&${HL_BASE}`,
    ],
    [
      'ids → collectionIds, comma-joined',
      { provider: 'highlevel', ids: HL_IDS },
      `limit=100&offset=0&${HL_BASE}&collectionIds=${HL_IDS.join(',')}`,
    ],
    [
      'search → name, percent-encoded',
      { provider: 'highlevel', search: 'a&b=c #1 100% +x' },
      `limit=100&offset=0&${HL_BASE}&name=a%26b%3Dc%20%231%20100%25%20%2Bx`,
    ],
    [
      'unicode search',
      { provider: 'highlevel', search: 'Café 🎉' },
      `limit=100&offset=0&${HL_BASE}&name=Caf%C3%A9%20%F0%9F%8E%89`,
    ],
    [
      'every HighLevel filter',
      { provider: 'highlevel', ids: ['x'], search: 'n', pageSize: 1 },
      `limit=1&offset=0&${HL_BASE}&collectionIds=x&name=n`,
    ],
  ];

  const shoplazzaCases: [string, PageQuery, string][] = [
    ['defaults: page 1, pageSize 100 → limit', { provider: 'shoplazza' }, '?page=1&limit=100'],
    [
      'a cursor → page, with its page size',
      { provider: 'shoplazza', cursor: { provider: 'shoplazza', page: 4, pageSize: 30 } },
      '?page=4&limit=30',
    ],
    [
      'ids, comma-joined',
      { provider: 'shoplazza', ids: SL_IDS, pageSize: 10 },
      `?ids=${SL_IDS.join(',')}&page=1&limit=10`,
    ],
    [
      'search → title, percent-encoded',
      { provider: 'shoplazza', search: 'a&b=c #1 100% +x' },
      '?title=a%26b%3Dc%20%231%20100%25%20%2Bx&page=1&limit=100',
    ],
    [
      'unicode search',
      { provider: 'shoplazza', search: '新品 🎉' },
      '?title=%E6%96%B0%E5%93%81%20%F0%9F%8E%89&page=1&limit=100',
    ],
    [
      'dates normalised to UTC: an offset string and a Date',
      {
        provider: 'shoplazza',
        updatedAfter: '2024-01-01T08:00:00+08:00',
        updatedBefore: new Date(Date.UTC(2024, 11, 31, 23, 59, 59)),
      },
      '?updated_at_min=2024-01-01T00%3A00%3A00Z&updated_at_max=2024-12-31T23%3A59%3A59Z&page=1&limit=100',
    ],
    [
      'fractional seconds and a negative offset',
      { provider: 'shoplazza', updatedAfter: '2024-06-30T20:15:30.999-05:30' },
      '?updated_at_min=2024-07-01T01%3A45%3A30Z&page=1&limit=100',
    ],
    [
      'productId → product_id',
      { provider: 'shoplazza', productId: PRODUCT },
      `?product_id=${PRODUCT}&page=1&limit=100`,
    ],
    [
      'every Shoplazza filter',
      {
        provider: 'shoplazza',
        ids: ['x'],
        search: 't',
        updatedAfter: '2024-01-01T00:00:00Z',
        updatedBefore: '2024-02-01T00:00:00Z',
        productId: PRODUCT,
        pageSize: 1,
      },
      `?ids=x&title=t&updated_at_min=2024-01-01T00%3A00%3A00Z&updated_at_max=2024-02-01T00%3A00%3A00Z&product_id=${PRODUCT}&page=1&limit=1`,
    ],
  ];

  it.each(highLevelCases)('HighLevel: %s', async (_label, query, expected) => {
    const before = log.length;
    const page = await client.listPage(query);
    expect(page.provider).toBe('highlevel');
    expect(page.total).toBeTypeOf('number');
    expect(log).toHaveLength(before + 1); // one request, to HighLevel only
    const exchange = log.at(-1)!;
    expect(exchange.method).toBe('GET');
    expect(exchange.url).toBe(`${highlevel.url}${HIGHLEVEL_PATH}?${expected}`);
    expect(exchange.headers).toEqual({
      accept: 'application/json',
      authorization: `Bearer ${TOKEN}`,
      version: '2021-07-28',
    });
    expect(exchange.status).toBe(200);
    expect(exchange.violations).toEqual([]);
  });

  it.each(shoplazzaCases)('Shoplazza: %s', async (_label, query, expected) => {
    const before = log.length;
    const page = await client.listPage(query);
    expect(page.provider).toBe('shoplazza');
    expect(page.requestId).toBeTypeOf('string');
    const exchange = log[before]!;
    expect(exchange.method).toBe('GET');
    expect(exchange.url).toBe(`${shoplazza.url}${SHOPLAZZA_PATH}${expected}`);
    // A short page (the mock's one-item example) is the last only once the next page came back empty.
    const short = 'pageSize' in page.cursor && page.items.length < page.cursor.pageSize;
    expect(log.slice(before + 1).map((next) => next.url)).toEqual(short ? [nextPage(exchange.url)] : []);
    if (short) expect(page.nextCursor).toBeUndefined();
    expect(exchange.headers).toEqual({
      accept: 'application/json',
      'access-token': TOKEN,
      'content-type': 'application/json',
    });
    expect(exchange.status).toBe(200);
    expect(exchange.violations).toEqual([]);
  });

  it('provider "all": HighLevel first; its last page points at Shoplazza page 1 with the same page size', async () => {
    // HighLevel's default example says total 42 for any offset, which a listing rightly reads as shifting data;
    // its one-item example (total 1) makes a complete listing.
    const listing = createCollectionsClient({
      highlevel: { token: TOKEN, locationId: LOCATION, baseUrl: highlevel.url, rateLimit: false },
      shoplazza: { token: TOKEN, shop: 'contract-shop', baseUrl: shoplazza.url, rateLimit: false },
      fetch: recordingFetch(log, (url) =>
        url.pathname === HIGHLEVEL_PATH
          ? 'code=200, example=requiredOnly'
          : pastTheEnd(url)
            ? EMPTY_PAGE
            : undefined,
      ),
      retry: false,
    });
    const before = log.length;
    const pages = [];
    for await (const page of listing.listPages({ ids: ['x'], search: 's', pageSize: 10 })) pages.push(page);
    expect(pages[0]?.nextCursor).toEqual({ provider: 'shoplazza', page: 1, pageSize: 10 });
    expect(pages.map((page) => page.provider)).toEqual(['highlevel', 'shoplazza']);
    const urls = log.slice(before).map((exchange) => exchange.url);
    expect(urls).toEqual([
      `${highlevel.url}${HIGHLEVEL_PATH}?limit=10&offset=0&${HL_BASE}&collectionIds=x&name=s`,
      `${shoplazza.url}${SHOPLAZZA_PATH}?ids=x&title=s&page=1&limit=10`,
      `${shoplazza.url}${SHOPLAZZA_PATH}?ids=x&title=s&page=2&limit=10`,
    ]);
    expect(log.slice(before).every((exchange) => exchange.violations.length === 0)).toBe(true);
  });

  it('a filter HighLevel cannot honour never reaches the wire', async () => {
    const before = log.length;
    await expect(client.listPage({ updatedAfter: '2024-01-01T00:00:00Z' })).rejects.toMatchObject({
      name: 'ValidationError',
      provider: 'highlevel',
      option: 'updatedAfter',
    });
    expect(log).toHaveLength(before);
  });
});
