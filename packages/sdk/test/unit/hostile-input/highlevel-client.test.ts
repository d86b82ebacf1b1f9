import { createHighLevelClient } from '@commerce-collections/highlevel';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fcParameters } from '../../support/reliability/fault-schedule';
import { emptyPage, recordingFetch } from '../../support/reliability/fetches';
import {
  badBaseUrl,
  badId,
  badIdList,
  badSearch,
  badToken,
  legalHostileId,
  legalHostileSearch,
  notAPositiveInteger,
} from '../../support/reliability/hostile-values';
import { expectValidationError } from '../../support/reliability/rejects';
import { SECRET_TOKEN } from '../../support/reliability/secrets';

const BASE = 'https://highlevel.test';
const valid = { token: SECRET_TOKEN, locationId: 'loc_1', baseUrl: BASE, rateLimit: false as const };
const RUNS = 60;

function client(fetch: typeof globalThis.fetch, overrides: Record<string, unknown> = {}) {
  return createHighLevelClient({ ...valid, fetch, ...overrides } as Parameters<
    typeof createHighLevelClient
  >[0]);
}

describe('createHighLevelClient: hostile options fail before any request', () => {
  test.each([
    ['token', badToken],
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

  test('locationId: empty, control characters or not a string', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<unknown>('', 'loc\r\n1', 'loc\u0000', 'loc\u0085', 42, null, undefined),
        async (value) => {
          await expectValidationError(
            (fetch) => client(fetch, { locationId: value }).listCollections(),
            'locationId',
          );
        },
      ),
      fcParameters(RUNS),
    );
  });

  test('a token function that returns a hostile token fails before the request leaves', async () => {
    await fc.assert(
      fc.asyncProperty(badToken, async (value) => {
        await expectValidationError(
          (fetch) => client(fetch, { token: () => value }).listCollections(),
          'token',
          value,
        );
      }),
      fcParameters(RUNS),
    );
  });

  test('retry options out of range', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('maxRetries', 'baseDelayMs', 'maxDelayMs', 'maxRetryAfterMs'),
        fc.oneof(
          fc.constantFrom<unknown>(-1, Number.NaN, Number.POSITIVE_INFINITY, '1', 1.5),
          fc.integer({ max: -1 }),
        ),
        async (key, value) => {
          await expectValidationError(
            (fetch) => client(fetch, { retry: { [key]: value } }).listCollections(),
            `retry.${key}`,
          );
        },
      ),
      fcParameters(RUNS),
    );
  });
});

describe('listCollections: hostile parameters fail before any request', () => {
  test('limit and offset: 0 / -1 / NaN / Infinity / fractions / strings', async () => {
    await fc.assert(
      fc.asyncProperty(notAPositiveInteger, async (value) => {
        await expectValidationError(
          (fetch) => client(fetch).listCollections({ limit: value as number }),
          'limit',
        );
      }),
      fcParameters(RUNS),
    );
    await fc.assert(
      fc.asyncProperty(
        notAPositiveInteger.filter((value) => value !== 0),
        async (value) => {
          await expectValidationError(
            (fetch) => client(fetch).listCollections({ offset: value as number }),
            'offset',
          );
        },
      ),
      fcParameters(RUNS),
    );
  });

  test('collectionIds with commas, whitespace, control characters, empty strings, or not a list', async () => {
    await fc.assert(
      fc.asyncProperty(badIdList, async ({ ids, index }) => {
        await expectValidationError(
          (fetch) => client(fetch).listCollections({ collectionIds: ids as string[] }),
          index === undefined ? 'collectionIds' : `collectionIds[${index}]`,
        );
      }),
      fcParameters(RUNS),
    );
  });

  test('name with CR/LF or control characters, empty, or 10,000 characters', async () => {
    await fc.assert(
      fc.asyncProperty(badSearch, async (name) => {
        await expectValidationError(
          (fetch) => client(fetch).listCollections({ name: name as string }),
          'name',
        );
      }),
      fcParameters(RUNS),
    );
  });

  test('unknown parameters are refused, not dropped', async () => {
    await expectValidationError(
      (fetch) => client(fetch).listCollections({ collectionIDs: ['a'] } as never),
      'collectionIDs',
    );
    await expectValidationError(
      (fetch) => client(fetch).listCollections({ altId: 'other' } as never),
      'altId',
    );
  });

  test('a single bad id is named by its position', async () => {
    await fc.assert(
      fc.asyncProperty(badId, async (bad) => {
        await expectValidationError(
          (fetch) => client(fetch).listCollections({ collectionIds: ['ok', bad as string] }),
          'collectionIds[1]',
        );
      }),
      fcParameters(RUNS),
    );
  });
});

describe('listCollections: legal but hostile text stays one parameter on the configured host', () => {
  test('name', async () => {
    await fc.assert(
      fc.asyncProperty(legalHostileSearch, async (name) => {
        const recorder = recordingFetch(emptyPage);
        await client(recorder.fetch).listCollections({ name });
        expect(recorder.urls).toHaveLength(1);
        const url = recorder.urls[0] as URL;
        expect(url.origin).toBe(BASE);
        expect(url.pathname).toBe('/products/collections');
        expect(url.hash).toBe('');
        expect(url.searchParams.getAll('name')).toEqual([name]);
        expect(url.searchParams.getAll('altId')).toEqual(['loc_1']);
        expect([...url.searchParams.keys()].sort()).toEqual(['altId', 'altType', 'name']);
      }),
      fcParameters(RUNS),
    );
  });

  test('collectionIds', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(legalHostileId, { minLength: 1, maxLength: 5 }), async (ids) => {
        const recorder = recordingFetch(emptyPage);
        await client(recorder.fetch).listCollections({ collectionIds: ids });
        const url = recorder.urls[0] as URL;
        expect(url.origin).toBe(BASE);
        expect(url.pathname).toBe('/products/collections');
        expect(url.searchParams.getAll('collectionIds')).toEqual([ids.join(',')]);
        expect([...url.searchParams.keys()].sort()).toEqual(['altId', 'altType', 'collectionIds']);
      }),
      fcParameters(RUNS),
    );
  });

  test('a base path is kept and nothing escapes it', async () => {
    const recorder = recordingFetch(emptyPage);
    await client(recorder.fetch, { baseUrl: 'https://gateway.test/hl/' }).listCollections({
      name: '../../admin',
    });
    const url = recorder.urls[0] as URL;
    expect(url.origin).toBe('https://gateway.test');
    expect(url.pathname).toBe('/hl/products/collections');
  });

  test('page sizes above 100 are legal for HighLevel (no documented maximum) and sent as given', async () => {
    for (const limit of [101, 1e9]) {
      const recorder = recordingFetch(emptyPage);
      await client(recorder.fetch).listCollections({ limit });
      expect(recorder.urls[0]?.searchParams.get('limit')).toBe(String(limit));
      expect(recorder.urls[0]?.origin).toBe(BASE);
    }
  });
});
