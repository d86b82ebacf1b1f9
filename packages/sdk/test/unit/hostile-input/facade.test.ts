import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type CollectionsClient, createCollectionsClient } from '../../../src/index';
import { fcParameters } from '../../support/reliability/fault-schedule';
import { emptyPage, recordingFetch } from '../../support/reliability/fetches';
import {
  badBaseUrl,
  badDateTime,
  badIdList,
  badSearch,
  badShop,
  badToken,
  legalHostileId,
  legalHostileSearch,
  notAPositiveInteger,
  pageSizeOver100OrInvalid,
} from '../../support/reliability/hostile-values';
import { expectValidationError } from '../../support/reliability/rejects';
import { SECRET_TOKEN } from '../../support/reliability/secrets';

const HL_BASE = 'https://highlevel.test';
const SL_ORIGIN = 'https://my-store.myshoplazza.com';
const RUNS = 40;

function facade(fetch: typeof globalThis.fetch, overrides: Record<string, unknown> = {}): CollectionsClient {
  const { highlevel, shoplazza, ...shared } = overrides;
  return createCollectionsClient({
    highlevel: {
      token: SECRET_TOKEN,
      locationId: 'loc_1',
      baseUrl: HL_BASE,
      rateLimit: false,
      ...(highlevel as object),
    },
    shoplazza: { token: SECRET_TOKEN, shop: 'my-store', rateLimit: false, ...(shoplazza as object) },
    fetch,
    ...shared,
  } as never);
}

/** The three listing entry points, each drained so a lazy validation would still be reached. */
const entryPoints = {
  list: (client: CollectionsClient, query: unknown) => client.list(query as never),
  listPages: (client: CollectionsClient, query: unknown) => client.listPages(query as never),
  listPage: (client: CollectionsClient, query: unknown) => client.listPage(query as never),
} as const;
const names = Object.keys(entryPoints) as (keyof typeof entryPoints)[];

describe('createCollectionsClient: hostile options fail before any request', () => {
  test.each([
    ['highlevel', 'token', badToken],
    ['highlevel', 'baseUrl', badBaseUrl],
    ['shoplazza', 'token', badToken],
    ['shoplazza', 'shop', badShop],
    ['shoplazza', 'baseUrl', badBaseUrl],
  ] as const)('%s.%s', async (provider, option, arbitrary) => {
    await fc.assert(
      fc.asyncProperty(arbitrary, async (value) => {
        await expectValidationError(
          (fetch) => facade(fetch, { [provider]: { [option]: value } }).list(),
          option,
          option === 'token' ? value : undefined,
        );
      }),
      fcParameters(RUNS),
    );
  });

  test.each(['timeoutMs', 'maxBodyBytes'] as const)('shared %s', async (option) => {
    await fc.assert(
      fc.asyncProperty(notAPositiveInteger, async (value) => {
        await expectValidationError((fetch) => facade(fetch, { [option]: value }).list(), option);
      }),
      fcParameters(RUNS),
    );
  });

  test('concurrency: 0, -1, 17, NaN, Infinity, strings', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(notAPositiveInteger, fc.integer({ min: 17 })), async (value) => {
        await expectValidationError((fetch) => facade(fetch, { concurrency: value }).list(), 'concurrency');
      }),
      fcParameters(RUNS),
    );
  });

  test('unknown options and no provider at all', async () => {
    await expectValidationError((fetch) => facade(fetch, { baseURL: 'https://x.test' }).list(), 'baseURL');
    await expectValidationError(
      (fetch) => createCollectionsClient({ fetch } as never).list(),
      /highlevel|shoplazza/,
    );
    await expectValidationError(() => createCollectionsClient(null as never).list(), 'options');
  });
});

describe.each(names)('%s: hostile queries fail before any request', (name) => {
  const call = entryPoints[name];
  const cursorOption = name === 'listPage' ? 'cursor' : 'resumeFrom';

  test('pageSize: 0 / -1 / 101 / NaN / Infinity / 1e9 / strings', async () => {
    await fc.assert(
      fc.asyncProperty(pageSizeOver100OrInvalid, async (pageSize) => {
        await expectValidationError((fetch) => call(facade(fetch), { pageSize }), 'pageSize');
      }),
      fcParameters(RUNS),
    );
  });

  test('ids with commas, whitespace, control characters, empty strings', async () => {
    await fc.assert(
      fc.asyncProperty(badIdList, async ({ ids, index }) => {
        await expectValidationError(
          (fetch) => call(facade(fetch), { ids }),
          index === undefined ? 'ids' : `ids[${index}]`,
        );
      }),
      fcParameters(RUNS),
    );
  });

  test('search with CR/LF, control characters, empty, or 10,000 characters', async () => {
    await fc.assert(
      fc.asyncProperty(badSearch, async (search) => {
        await expectValidationError((fetch) => call(facade(fetch), { search }), 'search');
      }),
      fcParameters(RUNS),
    );
  });

  test.each(['updatedAfter', 'updatedBefore'] as const)(
    '%s: malformed or offset-less dates (Shoplazza)',
    async (option) => {
      await fc.assert(
        fc.asyncProperty(badDateTime, async (value) => {
          await expectValidationError(
            (fetch) => call(facade(fetch), { provider: 'shoplazza', [option]: value }),
            option,
          );
        }),
        fcParameters(RUNS),
      );
    },
  );

  test('Shoplazza-only filters asked of HighLevel are refused, not dropped', async () => {
    for (const option of ['updatedAfter', 'updatedBefore', 'productId']) {
      const value = option === 'productId' ? '4b5f2d0e-8c1a-4f7e-9d3b-2a6c8e1f0b9d' : '2024-01-31T00:00:00Z';
      await expectValidationError((fetch) => call(facade(fetch), { [option]: value }), option);
      await expectValidationError(
        (fetch) => call(facade(fetch), { provider: 'highlevel', [option]: value }),
        option,
      );
    }
  });

  test('provider and unknown keys', async () => {
    for (const provider of ['HighLevel', 'both', '', 42, null]) {
      await expectValidationError((fetch) => call(facade(fetch), { provider }), 'provider');
    }
    await expectValidationError((fetch) => call(facade(fetch), { limit: 10 }), 'limit');
    await expectValidationError((fetch) => call(facade(fetch), { page: 0 }), 'page');
    await expectValidationError((fetch) => call(facade(fetch), 'summer'), 'query');
  });

  test(`${cursorOption}: page 0, negative or fractional offsets, forged shapes`, async () => {
    const forged = fc.oneof(
      fc.constantFrom<unknown>(
        { provider: 'shoplazza', page: 0, pageSize: 10 },
        { provider: 'shoplazza', page: -1, pageSize: 10 },
        { provider: 'shoplazza', page: 1, pageSize: 101 },
        { provider: 'shoplazza', page: 1, pageSize: 0 },
        { provider: 'shoplazza', page: '2', pageSize: 10 },
        { provider: 'highlevel', offset: -1 },
        { provider: 'highlevel', offset: 1.5 },
        { provider: 'highlevel', offset: Number.NaN },
        { provider: 'highlevel', offset: Number.POSITIVE_INFINITY },
        { provider: 'highlevel', offset: '10' },
        { provider: 'evil', offset: 0 },
        { offset: 0 },
        'offset=0',
        42,
        null,
      ),
      fc.record({
        provider: fc.constantFrom('highlevel', 'shoplazza'),
        page: notAPositiveInteger,
        offset: notAPositiveInteger.filter((value) => value !== 0),
        pageSize: pageSizeOver100OrInvalid,
      }),
    );
    await fc.assert(
      fc.asyncProperty(forged, async (cursor) => {
        await expectValidationError(
          (fetch) =>
            name === 'listPage'
              ? facade(fetch).listPage({ cursor } as never)
              : facade(fetch)[name]({}, { resumeFrom: cursor } as never),
          cursorOption,
        );
      }),
      fcParameters(RUNS),
    );
  });
});

describe('legal but hostile text: one parameter per provider, only to the configured hosts', () => {
  test.each(names)('%s: search and ids', async (name) => {
    await fc.assert(
      fc.asyncProperty(
        legalHostileSearch,
        fc.array(legalHostileId, { minLength: 1, maxLength: 4 }),
        async (search, ids) => {
          const recorder = recordingFetch(emptyPage);
          const result = await entryPoints[name](facade(recorder.fetch), { search, ids });
          if (result !== null && typeof result === 'object' && Symbol.asyncIterator in result) {
            for await (const _ of result as AsyncIterable<unknown>) {
              // empty pages: nothing to see
            }
          }
          expect(recorder.urls.length).toBeGreaterThan(0);
          for (const url of recorder.urls) {
            expect([HL_BASE, SL_ORIGIN]).toContain(url.origin);
            expect(url.hash).toBe('');
            if (url.origin === HL_BASE) {
              expect(url.pathname).toBe('/products/collections');
              expect(url.searchParams.getAll('name')).toEqual([search]);
              expect(url.searchParams.getAll('collectionIds')).toEqual([ids.join(',')]);
            } else {
              expect(url.pathname).toBe('/openapi/2022-01/collections');
              expect(url.searchParams.getAll('title')).toEqual([search]);
              expect(url.searchParams.getAll('ids')).toEqual([ids.join(',')]);
            }
          }
        },
      ),
      fcParameters(RUNS),
    );
  });
});
