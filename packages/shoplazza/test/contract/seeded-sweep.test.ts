import {
  createSeededRandom,
  type Exchange,
  type RunningPrism,
  recordingFetch,
  startPrismMock,
} from '@commerce-collections/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createShoplazzaClient, type ShoplazzaListCollectionsParams } from '../../src/index';

const SEEDS = Array.from({ length: 120 }, (_, index) => index);
const TITLE_ALPHABET = ['a', 'Z', '9', ' ', '&', '#', '%', '+', '=', '?', '/', 'é', '新', '🎉', "'", ','];

function hex(random: () => number, length: number): string {
  return Array.from({ length }, () => Math.floor(random() * 16).toString(16)).join('');
}

function isoWithOffset(random: () => number): string {
  const date = new Date(
    Date.UTC(2000 + Math.floor(random() * 30), Math.floor(random() * 12), 1 + Math.floor(random() * 28)),
  );
  const hours = Math.floor(random() * 24);
  const offset = Math.floor(random() * 27) - 12;
  const sign = offset < 0 ? '-' : '+';
  const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');
  return `${date.toISOString().slice(0, 10)}T${pad(hours)}:${pad(Math.floor(random() * 60))}:00${offset === 0 ? 'Z' : `${sign}${pad(offset)}:00`}`;
}

/** Request parameters derived from the seed too, so Prism validates a different valid request each time. */
function paramsFor(seed: number): ShoplazzaListCollectionsParams {
  const random = createSeededRandom(String(seed)).next;
  const params: ShoplazzaListCollectionsParams = {};
  if (random() < 0.4) {
    params.ids = Array.from(
      { length: 1 + Math.floor(random() * 3) },
      () => `${hex(random, 8)}-${hex(random, 4)}-4${hex(random, 3)}-a${hex(random, 3)}-${hex(random, 12)}`,
    );
  }
  if (random() < 0.4) {
    params.title = Array.from(
      { length: 1 + Math.floor(random() * 12) },
      () => TITLE_ALPHABET[Math.floor(random() * TITLE_ALPHABET.length)],
    ).join('');
  }
  if (random() < 0.3) params.updated_at_min = isoWithOffset(random);
  if (random() < 0.3) params.updated_at_max = new Date(Math.floor(random() * 2_000_000_000_000));
  if (random() < 0.3)
    params.product_id = `${hex(random, 8)}-${hex(random, 4)}-4${hex(random, 3)}-8${hex(random, 3)}-${hex(random, 12)}`;
  if (random() < 0.5) params.page = 1 + Math.floor(random() * 50);
  if (random() < 0.7) params.limit = 1 + Math.floor(random() * 100);
  return params;
}

/** Unknown keys anywhere in a body: at the top, in an item or in an item's `image`. */
function unknownKeys(body: string): number {
  const parsed = JSON.parse(body) as { collections: Record<string, unknown>[] };
  const count = (value: unknown, known: string[]) =>
    value && typeof value === 'object' ? Object.keys(value).filter((key) => !known.includes(key)).length : 0;
  const itemKeys = [
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
  ];
  let total = count(parsed, ['collections']);
  for (const item of parsed.collections) {
    total += count(item, itemKeys);
    total += count(item.image, ['src', 'width', 'height', 'alt', 'path']);
  }
  return total;
}

// json-schema-faker's `fillProperties` is a module-level option (the last Prism mock started in a process wins),
// so the two modes cannot run side by side in globalSetup. Each mode gets one mock here, started once and
// reused by every seed of that mode; the modes run one after the other.
describe.each([
  { fillProperties: true, label: 'random extra properties' },
  { fillProperties: false, label: 'schema properties only' },
])('Shoplazza seeded sweep, dynamic mode with $label', ({ fillProperties }) => {
  let mock: RunningPrism;
  const log: Exchange[] = [];

  beforeAll(async () => {
    mock = await startPrismMock({ api: 'shoplazza', dynamic: true, fillProperties, errors: true });
  });
  afterAll(async () => {
    await mock?.close();
  });

  it.each(SEEDS)('seed %i parses through the client', async (seed) => {
    const client = createShoplazzaClient({
      token: 'contract-token',
      baseUrl: mock.url,
      fetch: recordingFetch(log, `dynamic=true, seed=${seed}`, true),
      retry: false,
      rateLimit: false,
    });
    const params = paramsFor(seed);
    const page = await client.listCollections(params).catch((error: unknown) => {
      throw new Error(`seed ${seed} (params ${JSON.stringify(params)}): ${String(error)}`, { cause: error });
    });
    for (const item of page.collections) {
      expect(typeof item.id, `seed ${seed}`).toBe('string');
      expect(typeof item.title, `seed ${seed}`).toBe('string');
      expect(typeof item.handle, `seed ${seed}`).toBe('string');
    }
    expect(page.requestId, `seed ${seed}`).toBeTypeOf('string');
    const exchange = log.at(-1)!;
    expect(exchange.status, `seed ${seed}`).toBe(200);
    expect(exchange.violations, `seed ${seed}`).toEqual([]);
  });

  // Proves the mode did what it says, so the sweep really exercised tolerance of unknown fields (or not).
  it(`${fillProperties ? 'did' : 'did not'} receive unknown fields`, () => {
    expect(log).toHaveLength(SEEDS.length);
    const withUnknown = log.filter(
      (exchange) => unknownKeys(exchange.body ?? '{"collections":[]}') > 0,
    ).length;
    if (fillProperties) expect(withUnknown).toBeGreaterThan(SEEDS.length / 4);
    else expect(withUnknown).toBe(0);
  });
});
