import { createShoplazzaClient } from '@commerce-collections/shoplazza';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
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

const valid = { token: SECRET_TOKEN, shop: 'my-store', rateLimit: false as const };
const ORIGIN = 'https://my-store.myshoplazza.com';
const RUNS = 60;

function client(fetch: typeof globalThis.fetch, overrides: Record<string, unknown> = {}) {
  return createShoplazzaClient({ ...valid, fetch, ...overrides } as Parameters<
    typeof createShoplazzaClient
  >[0]);
}

describe('createShoplazzaClient: hostile options fail before any request', () => {
  test.each([
    ['token', badToken],
    ['shop', badShop],
    ['baseUrl', badBaseUrl],
    ['timeoutMs', notAPositiveInteger],
    ['maxBodyBytes', notAPositiveInteger],
  ] as const)('%s', async (option, arbitrary) => {
    await fc.assert(
      fc.asyncProperty(arbitrary, async (value) => {
        await expectValidationError(
          (fetch) => client(fetch, { [option]: value }).listCollections(),
          option,
          option === 'token' ? value : undefined,
        );
      }),
      fcParameters(RUNS),
    );
  });

  test('a token function returning CR/LF or non-ASCII fails before the request leaves', async () => {
    await fc.assert(
      fc.asyncProperty(badToken, async (value) => {
        await expectValidationError(
          (fetch) => client(fetch, { token: async () => value }).listCollections(),
          'token',
          value,
        );
      }),
      fcParameters(RUNS),
    );
  });

  test('domain other than the two Shoplazza spellings', async () => {
    for (const domain of ['evil.example', 'myshoplazza.com.evil.example', 'myshoplazza.com/', '', 42]) {
      await expectValidationError((fetch) => client(fetch, { domain }).listCollections(), 'domain');
    }
  });

  test('no shop and no baseUrl', async () => {
    await expectValidationError((fetch) => client(fetch, { shop: undefined }).listCollections(), 'shop');
  });
});

describe('listCollections: hostile parameters fail before any request', () => {
  test('limit: 0 / -1 / 101 / NaN / Infinity / 1e9 / strings', async () => {
    await fc.assert(
      fc.asyncProperty(pageSizeOver100OrInvalid, async (limit) => {
        await expectValidationError(
          (fetch) => client(fetch).listCollections({ limit: limit as number }),
          'limit',
        );
      }),
      fcParameters(RUNS),
    );
  });

  test('page: 0 and every other non-positive or non-integer value', async () => {
    await fc.assert(
      fc.asyncProperty(notAPositiveInteger, async (page) => {
        await expectValidationError(
          (fetch) => client(fetch).listCollections({ page: page as number }),
          'page',
        );
      }),
      fcParameters(RUNS),
    );
  });

  test.each(['updated_at_min', 'updated_at_max'] as const)(
    '%s: malformed or offset-less dates',
    async (option) => {
      await fc.assert(
        fc.asyncProperty(badDateTime, async (value) => {
          await expectValidationError(
            (fetch) => client(fetch).listCollections({ [option]: value as string }),
            option,
          );
        }),
        fcParameters(RUNS),
      );
    },
  );

  test('ids with commas, whitespace, control characters or empty strings', async () => {
    await fc.assert(
      fc.asyncProperty(badIdList, async ({ ids, index }) => {
        await expectValidationError(
          (fetch) => client(fetch).listCollections({ ids: ids as string[] }),
          index === undefined ? 'ids' : `ids[${index}]`,
        );
      }),
      fcParameters(RUNS),
    );
  });

  test('title with CR/LF, control characters, empty, or 10,000 characters', async () => {
    await fc.assert(
      fc.asyncProperty(badSearch, async (title) => {
        await expectValidationError(
          (fetch) => client(fetch).listCollections({ title: title as string }),
          'title',
        );
      }),
      fcParameters(RUNS),
    );
  });

  test('product_id that is not a UUID', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constantFrom<unknown>('', 'abc', 'a,b', '../x', '4b5f2d0e-8c1a-4f7e-9d3b-2a6c8e1f0b9d\n'),
          fc.string(),
        ),
        async (productId) => {
          await expectValidationError(
            (fetch) => client(fetch).listCollections({ product_id: productId as string }),
            'product_id',
          );
        },
      ),
      fcParameters(RUNS),
    );
  });
});

describe('listCollections: legal but hostile text stays one parameter on the configured host', () => {
  test('title', async () => {
    await fc.assert(
      fc.asyncProperty(legalHostileSearch, async (title) => {
        const recorder = recordingFetch(emptyPage);
        await client(recorder.fetch).listCollections({ title });
        expect(recorder.urls).toHaveLength(1);
        const url = recorder.urls[0] as URL;
        expect(url.origin).toBe(ORIGIN);
        expect(url.pathname).toBe('/openapi/2022-01/collections');
        expect(url.searchParams.getAll('title')).toEqual([title]);
        expect([...url.searchParams.keys()]).toEqual(['title']);
      }),
      fcParameters(RUNS),
    );
  });

  test('ids', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(legalHostileId, { minLength: 1, maxLength: 5 }), async (ids) => {
        const recorder = recordingFetch(emptyPage);
        await client(recorder.fetch).listCollections({ ids });
        const url = recorder.urls[0] as URL;
        expect(url.origin).toBe(ORIGIN);
        expect(url.searchParams.getAll('ids')).toEqual([ids.join(',')]);
        expect([...url.searchParams.keys()]).toEqual(['ids']);
      }),
      fcParameters(RUNS),
    );
  });

  test('every valid shop name maps to exactly its own host', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.stringMatching(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,20}[A-Za-z0-9])?$/),
        fc.constantFrom('myshoplazza.com', 'myshoplaza.com'),
        async (shop, domain) => {
          const recorder = recordingFetch(emptyPage);
          await client(recorder.fetch, { shop, domain }).listCollections({ title: '@evil.example#x' });
          expect(recorder.urls[0]?.origin).toBe(`https://${shop.toLowerCase()}.${domain}`);
        },
      ),
      fcParameters(RUNS),
    );
  });

  test('offset dates are normalised to UTC, one parameter each', async () => {
    const recorder = recordingFetch(emptyPage);
    await client(recorder.fetch).listCollections({
      updated_at_min: '2024-01-31T23:59:59+08:00',
      updated_at_max: new Date('2024-02-01T00:00:00Z'),
    });
    const url = recorder.urls[0] as URL;
    expect(url.searchParams.getAll('updated_at_min')).toEqual(['2024-01-31T15:59:59Z']);
    expect(url.searchParams.getAll('updated_at_max')).toEqual(['2024-02-01T00:00:00Z']);
  });
});
