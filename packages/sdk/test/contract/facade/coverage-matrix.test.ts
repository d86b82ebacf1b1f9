import {
  type ApiName,
  createCoverageTracker,
  listDeclaredResponses,
  type RunningPrism,
  startPrismMock,
} from '@commerce-collections/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiError,
  AuthenticationError,
  BadRequestError,
  CommerceCollectionsError,
  ConsistencyError,
  createCollectionsClient,
  type HighLevelCollection,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  type ShoplazzaCollection,
  UnprocessableEntityError,
} from '../../../src/index';
import {
  type Exchange,
  exampleValue,
  expectedHighLevel,
  expectedShoplazza,
  LOCATION,
  recordingFetch,
  SHOPLAZZA_PATH,
  TOKEN,
} from './exchanges';

const SHOPLAZZA_REQUEST_ID = '9d3f1c2b-5a7e-4f60-8b1d-0c2e4a6f8b10'; // the spec's Request-Id header example
const errorClasses: Record<string, abstract new (...args: never[]) => ApiError> = {
  '400': BadRequestError,
  '401': AuthenticationError,
  '403': PermissionDeniedError,
  '404': NotFoundError,
  '422': UnprocessableEntityError,
  '429': RateLimitError,
  '500': ServerError,
  '502': ServerError,
  '503': ServerError,
  '504': ServerError,
};
const retryAfterMs: Record<ApiName, number> = { highlevel: 10_000, shoplazza: 1_000 };

type ErrorBody = { message?: string | string[]; error?: string; errors?: string[] };
/**
 * What each vendor's error body says, in the order the typed error lists it: HighLevel `message` (a list on 422),
 * then `error` when it adds something; Shoplazza `error`, then `errors`.
 */
function messagesOf(api: ApiName, body: ErrorBody): string[] {
  if (api === 'shoplazza') {
    // 2025-06 bodies may be the `{ code, message }` envelope: its message comes last.
    const message = typeof body.message === 'string' ? [body.message] : [];
    return [...(body.error === undefined ? [] : [body.error]), ...(body.errors ?? []), ...message];
  }
  const messages = Array.isArray(body.message) ? [...body.message] : [body.message as string];
  if (body.error !== undefined && !messages.includes(body.error)) messages.push(body.error);
  return messages;
}

// Every operation × declared status × named example of both specs, through the facade (createCollectionsClient;
// only its `fetch` is wrapped, to add Prism's `Prefer: code=…, example=…` and record the exchange). Both providers
// are configured in one client, as a user would; `provider` picks the one under test.
describe('facade coverage matrix (Prism mocks, every declared example of both specs)', () => {
  const mocks = {} as Record<ApiName, RunningPrism>;
  const trackers = {
    highlevel: createCoverageTracker('highlevel'),
    shoplazza: createCoverageTracker('shoplazza'),
  };
  const log: Exchange[] = [];
  const cases = (['highlevel', 'shoplazza'] as const).flatMap((api) =>
    listDeclaredResponses(api).flatMap((declared) =>
      declared.exampleNames.map((example) => ({ api, ...declared, example })),
    ),
  );

  beforeAll(async () => {
    [mocks.highlevel, mocks.shoplazza] = await Promise.all([
      startPrismMock({ api: 'highlevel', errors: true }),
      startPrismMock({ api: 'shoplazza', errors: true }),
    ]);
  });
  afterAll(async () => {
    await Promise.allSettled(Object.values(mocks).map((mock) => mock?.close()));
  });

  // The mock answers every request with the same example; a real API answers the page after the last one with
  // an empty page, which the facade asks for to confirm that a short Shoplazza page is the last.
  const pastTheEnd = (url: URL) =>
    url.pathname === SHOPLAZZA_PATH && Number(url.searchParams.get('page') ?? 1) > 1;
  const facadePreferring = (prefer: string, apiVersion: '2022-01' | '2025-06' = '2022-01') =>
    createCollectionsClient({
      highlevel: { token: TOKEN, locationId: LOCATION, baseUrl: mocks.highlevel.url, rateLimit: false },
      shoplazza: {
        token: TOKEN,
        shop: 'contract-shop',
        baseUrl: mocks.shoplazza.url,
        rateLimit: false,
        apiVersion,
      },
      fetch: recordingFetch(log, (url) => (pastTheEnd(url) ? 'code=200, example=emptyPage' : prefer)),
      retry: false, // one exchange per case: the mock would answer a retry identically
    });

  it('declares something to cover, for both providers', () => {
    expect(cases.filter((c) => c.api === 'highlevel').length).toBeGreaterThanOrEqual(9);
    expect(cases.filter((c) => c.api === 'shoplazza').length).toBeGreaterThanOrEqual(11);
  });

  it.each(cases)(
    '$api $operationId $status $example',
    async ({ api, operationId, path, status, example }) => {
      // The 2025-06 operation is served to a facade whose Shoplazza block is on that version.
      const v2025 = operationId === 'listCollections202506';
      const client = facadePreferring(`code=${status}, example=${example}`, v2025 ? '2025-06' : '2022-01');
      const expected = exampleValue(api, path, status, example);
      const before = log.length;
      if (status.startsWith('2') && v2025) {
        const { data } = expected as {
          data: { collections: ShoplazzaCollection[]; cursor?: string | null; has_more: boolean };
        };
        const page = await client.listPage({ provider: api, pageSize: 50 });
        expect(page).toEqual({
          provider: 'shoplazza',
          items: data.collections.map(expectedShoplazza),
          cursor: { provider: 'shoplazza', token: null },
          nextCursor: data.has_more ? { provider: 'shoplazza', token: data.cursor } : undefined,
          total: undefined,
          requestId: SHOPLAZZA_REQUEST_ID,
        });
        const listing = collect(client.list({ provider: api, pageSize: 50 }));
        if (data.has_more) {
          // The mock serves the same page again: the facade stops rather than yield it twice.
          expect(await listing.catch((e: unknown) => e)).toBeInstanceOf(ConsistencyError);
        } else {
          expect((await listing).map((c) => c.id)).toEqual(data.collections.map((item) => item.id));
        }
      } else if (status.startsWith('2')) {
        const page = await client.listPage({ provider: api, pageSize: 50 });
        if (api === 'highlevel') {
          const body = expected as { data: HighLevelCollection[]; total: number };
          expect(page).toEqual({
            provider: 'highlevel',
            items: body.data.map(expectedHighLevel),
            cursor: { provider: 'highlevel', offset: 0 },
            nextCursor:
              body.data.length > 0 && body.data.length < body.total
                ? { provider: 'highlevel', offset: body.data.length }
                : undefined,
            total: body.total,
            requestId: undefined,
          });
          // The listing agrees with the single page (the mock answers every request with the same example).
          if (body.data.length >= body.total) {
            expect((await collect(client.list({ provider: api, pageSize: 50 }))).map((c) => c.id)).toEqual(
              body.data.map((item) => item._id),
            );
          }
        } else {
          const body = expected as { collections: ShoplazzaCollection[] };
          expect(page).toEqual({
            provider: 'shoplazza',
            items: body.collections.map(expectedShoplazza),
            cursor: { provider: 'shoplazza', page: 1, pageSize: 50 },
            nextCursor: undefined, // shorter than pageSize: the last page
            total: undefined,
            requestId: SHOPLAZZA_REQUEST_ID,
          });
          expect((await collect(client.list({ provider: api, pageSize: 50 }))).map((c) => c.id)).toEqual(
            body.collections.map((item) => item.id),
          );
        }
      } else {
        const error = await client.listPage({ provider: api, pageSize: 50 }).catch((e: unknown) => e);
        const type = errorClasses[status];
        expect(type, `no typed error expected for ${status}`).toBeDefined();
        expect(error).toBeInstanceOf(type!);
        expect(error).toBeInstanceOf(CommerceCollectionsError);
        const apiError = error as ApiError;
        expect(apiError.provider).toBe(api);
        expect(apiError.status).toBe(Number(status));
        expect(apiError.attempts).toBe(1);
        expect(apiError.body).toEqual(expected);
        expect(apiError.messages).toEqual(messagesOf(api, expected as ErrorBody));
        expect(apiError.requestId).toBe(api === 'shoplazza' ? SHOPLAZZA_REQUEST_ID : undefined);
        if (status === '429') expect((apiError as RateLimitError).retryAfterMs).toBe(retryAfterMs[api]);
        // list() fails with the same typed error, carrying where to resume.
        const listError = await collect(client.list({ provider: api })).catch((e: unknown) => e);
        expect(listError).toBeInstanceOf(type!);
        expect((listError as ApiError).status).toBe(Number(status));
      }
      const exchanges = log.slice(before);
      expect(exchanges.length).toBeGreaterThan(0);
      for (const exchange of exchanges) {
        expect(exchange.url.startsWith(mocks[api].url)).toBe(true);
        expect(exchange.status).toBe(pastTheEnd(new URL(exchange.url)) ? 200 : Number(status));
        expect(exchange.violations).toEqual([]);
      }
      trackers[api].record(operationId, status, example);
    },
  );

  // The oracle above (exchanges.ts) restates the README's mapping; these pin a few values outright.
  it('maps the documented examples field by field', async () => {
    const hl = await facadePreferring('code=200, example=page').listPage({ provider: 'highlevel' });
    expect(hl.items[0]).toMatchObject({
      provider: 'highlevel',
      id: '65d71377c326ea78e1c47df5',
      title: 'Best Sellers',
      handle: 'best-sellers',
      imageUrl: 'https://storage.googleapis.com/msgsndr/6578278e879ad2646715ba9c/media/best-sellers.png',
      seo: { title: 'Best Sellers', description: 'Our most popular products.', keywords: [] },
      createdAt: '2024-02-22T09:30:31.123Z',
      description: undefined,
      updatedAt: undefined,
    });
    const bare = await facadePreferring('code=200, example=requiredOnly').listPage({ provider: 'highlevel' });
    // No slug: the handle falls back to _id; no image, no seo.
    expect(bare.items).toEqual([
      expect.objectContaining({ handle: '65d71377c326ea78e1c47df5', imageUrl: undefined, seo: undefined }),
    ]);
    const sl = await facadePreferring('code=200, example=page').listPage({ provider: 'shoplazza' });
    expect(sl.items[0]).toMatchObject({
      provider: 'shoplazza',
      id: 'a60fe556-43ad-4e07-9125-507ac1bf71f7',
      title: 'Test-Collection',
      handle: 'test-collection',
      description: 'Desc',
      imageUrl: 'https://cdn.shoplazza.com/9de53f9726576696b318a8d95c0946cb.jpeg', // protocol-relative made https
      seo: { title: 'seo_title', description: 'Desc', keywords: ['test'] },
      smart: false,
      sortOrder: 'title-asc', // not in the vendor's enum, kept as sent
      createdAt: '2024-04-16T10:31:13Z',
      updatedAt: '2024-04-16T10:31:13Z',
    });
    expect(sl.items[0]?.raw).toEqual(
      (exampleValue('shoplazza', SHOPLAZZA_PATH, '200', 'page') as { collections: unknown[] }).collections[0],
    );
  });

  it('left no declared (operation, status, example) of either spec unexercised', () => {
    expect(trackers.highlevel.missing()).toEqual([]);
    expect(trackers.shoplazza.missing()).toEqual([]);
  });

  it('saw no sl-violations on any exchange', () => {
    expect(log.length).toBeGreaterThanOrEqual(cases.length);
    expect(log.filter((exchange) => exchange.violations.length > 0)).toEqual([]);
  });
});

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}
