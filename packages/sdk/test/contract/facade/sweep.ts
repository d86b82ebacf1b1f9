import { type RunningPrism, startPrismMock } from '@commerce-collections/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CollectionsClient, createCollectionsClient, type PageQuery } from '../../../src/index';
import {
  brokenInvariants,
  type Exchange,
  HIGHLEVEL_PATH,
  recordingFetch,
  SHOPLAZZA_PATH,
  seededRandom,
  TOKEN,
} from './exchanges';

export const SEEDS = Array.from({ length: 120 }, (_, index) => index);
const TEXT_ALPHABET = ['a', 'Z', '9', ' ', '&', '#', '%', '+', '=', '?', '/', 'é', '日', '🎉', "'", ','];

const hex = (random: () => number, length: number) =>
  Array.from({ length }, () => Math.floor(random() * 16).toString(16)).join('');
const uuid = (random: () => number) =>
  `${hex(random, 8)}-${hex(random, 4)}-4${hex(random, 3)}-a${hex(random, 3)}-${hex(random, 12)}`;
const text = (random: () => number) =>
  Array.from(
    { length: 1 + Math.floor(random() * 12) },
    () => TEXT_ALPHABET[Math.floor(random() * TEXT_ALPHABET.length)],
  ).join('');
const isoWithOffset = (random: () => number, year: number) => {
  const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');
  const offset = Math.floor(random() * 27) - 12;
  const zone = offset === 0 ? 'Z' : `${offset < 0 ? '-' : '+'}${pad(offset)}:00`;
  return `${year}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}T${pad(Math.floor(random() * 24))}:${pad(Math.floor(random() * 60))}:00${zone}`;
};

/** A facade query derived from the seed, so Prism validates a different valid request each time. */
export function queryFor(provider: 'highlevel' | 'shoplazza', seed: number): PageQuery {
  const random = seededRandom(seed * 2 + (provider === 'highlevel' ? 0 : 1));
  const query: Record<string, unknown> = { provider };
  if (random() < 0.4) {
    query.ids = Array.from({ length: 1 + Math.floor(random() * 3) }, () =>
      provider === 'highlevel' ? hex(random, 24) : uuid(random),
    );
  }
  if (random() < 0.4) query.search = text(random);
  if (random() < 0.7) query.pageSize = 1 + Math.floor(random() * 100);
  if (provider === 'highlevel') {
    if (random() < 0.5) query.cursor = { provider, offset: Math.floor(random() * 1000) };
    return query as PageQuery;
  }
  // Shoplazza-only filters; updatedAfter never after updatedBefore (the facade refuses that before sending).
  const after = random() < 0.3 ? 2000 + Math.floor(random() * 15) : undefined;
  if (after !== undefined) query.updatedAfter = isoWithOffset(random, after);
  if (random() < 0.3) {
    const year = (after ?? 2000) + 1 + Math.floor(random() * 10);
    query.updatedBefore = random() < 0.5 ? isoWithOffset(random, year) : new Date(Date.UTC(year, 0, 1));
  }
  if (random() < 0.3) query.productId = uuid(random);
  if (random() < 0.5) {
    const pageSize = (query.pageSize as number | undefined) ?? 100;
    query.cursor = { provider, page: 1 + Math.floor(random() * 50), pageSize };
  }
  return query as PageQuery;
}

const HIGHLEVEL_KEYS = {
  top: ['data', 'total'],
  item: ['_id', 'altId', 'name', 'slug', 'image', 'seo', 'createdAt'],
  nested: ['title', 'description'],
};
const SHOPLAZZA_KEYS = {
  top: ['collections'],
  item: [
    'id',
    'title',
    'description',
    'handle',
    'smart',
    'image',
    'seo_title',
    'seo_description',
    'seo_keywords',
    'sort_order',
    'created_at',
    'updated_at',
  ],
  nested: ['src', 'width', 'height', 'alt', 'path'],
};

/** Unknown keys anywhere in a body: at the top, in an item or in its nested object (`seo` / `image`). */
function unknownKeys(exchange: Exchange): number {
  const highlevel = new URL(exchange.url).pathname === HIGHLEVEL_PATH;
  const keys = highlevel ? HIGHLEVEL_KEYS : SHOPLAZZA_KEYS;
  const parsed = JSON.parse(exchange.body ?? '{}') as Record<string, Record<string, unknown>[]>;
  const count = (value: unknown, known: string[]) =>
    value && typeof value === 'object' ? Object.keys(value).filter((key) => !known.includes(key)).length : 0;
  let total = count(parsed, keys.top);
  for (const item of parsed[highlevel ? 'data' : 'collections'] ?? []) {
    total += count(item, keys.item);
    total += count(item[highlevel ? 'seo' : 'image'], keys.nested);
  }
  return total;
}

/**
 * The facade's seeded sweep: both providers' Prism mocks in dynamic mode, one facade client per seed (its `fetch`
 * adds `Prefer: dynamic=true, seed=N`), a seed-derived query per provider through `listPage`. Every page must
 * parse, every item must keep the model's invariants, and every exchange must be 200 without sl-violations.
 * json-schema-faker's `fillProperties` is process-wide (the last mock started wins), so each mode runs in its own
 * test file, i.e. its own worker.
 */
export function defineSeededSweep(fillProperties: boolean): void {
  describe(`facade seeded sweep, dynamic mode ${fillProperties ? 'with random extra properties' : 'with schema properties only'}`, () => {
    let highlevel: RunningPrism;
    let shoplazza: RunningPrism;
    const log: Exchange[] = [];
    // A short Shoplazza page is the last only once the next page comes back empty; the dynamic mock would answer
    // that request with more random items, so it is answered with the spec's empty page, as a real API would.
    const confirmations = new Set<string>();
    const withoutPage = (url: URL): string => {
      const params = new URLSearchParams(url.search);
      params.delete('page');
      return `${url.pathname}?${params}`;
    };
    const pageOf = (url: URL): number => Number(url.searchParams.get('page') ?? 1);
    const isConfirmation = (url: URL): boolean => {
      const last = log.at(-1);
      if (url.pathname !== SHOPLAZZA_PATH || last === undefined) return false;
      const previous = new URL(last.url);
      return withoutPage(previous) === withoutPage(url) && pageOf(previous) + 1 === pageOf(url);
    };
    const prefer = (seed: number) => (url: URL) => {
      if (!isConfirmation(url)) return `dynamic=true, seed=${seed}`;
      confirmations.add(url.href);
      return 'code=200, example=emptyPage';
    };

    beforeAll(async () => {
      [highlevel, shoplazza] = await Promise.all([
        startPrismMock({ api: 'highlevel', dynamic: true, fillProperties, errors: true }),
        startPrismMock({ api: 'shoplazza', dynamic: true, fillProperties, errors: true }),
      ]);
    });
    afterAll(async () => {
      await Promise.allSettled([highlevel?.close(), shoplazza?.close()]);
    });

    const facade = (seed: number): CollectionsClient =>
      createCollectionsClient({
        highlevel: { token: TOKEN, locationId: `loc-${seed}`, baseUrl: highlevel.url, rateLimit: false },
        shoplazza: { token: TOKEN, shop: 'contract-shop', baseUrl: shoplazza.url, rateLimit: false },
        fetch: recordingFetch(log, prefer(seed), true),
        retry: false,
      });

    it.each(SEEDS)('seed %i: a page of each provider parses through the facade', async (seed) => {
      const client = facade(seed);
      for (const provider of ['highlevel', 'shoplazza'] as const) {
        const query = queryFor(provider, seed);
        const label = `seed ${seed}, ${provider} (query ${JSON.stringify(query)})`;
        const before = log.length;
        const page = await client.listPage(query).catch((error: unknown) => {
          throw new Error(`${label}: ${String(error)}`, { cause: error });
        });
        expect(page.provider, label).toBe(provider);
        expect(Array.isArray(page.items), label).toBe(true);
        for (const item of page.items) {
          expect(item.provider, label).toBe(provider);
          expect(brokenInvariants(item), `${label}, item ${JSON.stringify(item.raw)}`).toEqual([]);
        }
        if (provider === 'highlevel') expect(Number.isSafeInteger(page.total), label).toBe(true);
        else expect(page.requestId, label).toBeTypeOf('string');
        const exchanges = log.slice(before);
        // The page, and for a short Shoplazza page the (empty) next one that confirms it was the last.
        const confirmed = exchanges.slice(1).filter((exchange) => confirmations.has(exchange.url));
        expect(confirmed, label).toHaveLength(exchanges.length - 1);
        expect(
          exchanges.map((exchange) => exchange.status),
          label,
        ).toEqual(exchanges.map(() => 200));
        for (const exchange of exchanges) expect(exchange.violations, label).toEqual([]);
      }
    });

    // Proves the mode did what it says, so the sweep really exercised tolerance of unknown fields (or not).
    it(`${fillProperties ? 'did' : 'did not'} receive unknown fields`, () => {
      const pages = log.filter((exchange) => !confirmations.has(exchange.url));
      expect(pages).toHaveLength(2 * SEEDS.length);
      for (const path of ['highlevel', 'shoplazza']) {
        const exchanges = pages.filter(
          (exchange) => (new URL(exchange.url).pathname === HIGHLEVEL_PATH) === (path === 'highlevel'),
        );
        const withUnknown = exchanges.filter((exchange) => unknownKeys(exchange) > 0).length;
        if (fillProperties) expect(withUnknown, path).toBeGreaterThan(SEEDS.length / 4);
        else expect(withUnknown, path).toBe(0);
      }
    });
  });
}
