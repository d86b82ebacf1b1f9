import {
  createSeededRandom,
  type Exchange,
  type RunningPrism,
  recordingFetch,
  startPrismMock,
} from '@commerce-collections/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHighLevelClient, type HighLevelListCollectionsParams } from '../../src/index';

const SEEDS = Array.from({ length: 120 }, (_, index) => index);
const NAME_ALPHABET = ['a', 'Z', '9', ' ', '&', '#', '%', '+', '=', '?', '/', 'é', '日', '🎉', "'", ','];

/** Request parameters derived from the seed too, so Prism validates a different valid request each time. */
function paramsFor(seed: number): HighLevelListCollectionsParams {
  const random = createSeededRandom(String(seed)).next;
  const params: HighLevelListCollectionsParams = {};
  if (random() < 0.7) params.limit = 1 + Math.floor(random() * 200);
  if (random() < 0.5) params.offset = Math.floor(random() * 1000);
  if (random() < 0.4) {
    params.collectionIds = Array.from({ length: 1 + Math.floor(random() * 3) }, () =>
      Math.floor(random() * 2 ** 48).toString(16),
    );
  }
  if (random() < 0.4) {
    params.name = Array.from(
      { length: 1 + Math.floor(random() * 12) },
      () => NAME_ALPHABET[Math.floor(random() * NAME_ALPHABET.length)],
    ).join('');
  }
  return params;
}

// json-schema-faker's `fillProperties` is a module-level option (the last Prism mock started in a process wins),
// so the two modes cannot run side by side in globalSetup. Each mode gets one mock here, started once and
// reused by every seed of that mode; the modes run one after the other.
describe.each([
  { fillProperties: true, label: 'random extra properties' },
  { fillProperties: false, label: 'schema properties only' },
])('HighLevel seeded sweep, dynamic mode with $label', ({ fillProperties }) => {
  let mock: RunningPrism;
  const log: Exchange[] = [];

  /** Unknown keys anywhere in a body: at the top, in an item or in an item's `seo`. */
  const unknownKeys = (body: string): number => {
    const parsed = JSON.parse(body) as { data: Record<string, unknown>[] };
    const count = (value: unknown, known: string[]) =>
      value && typeof value === 'object'
        ? Object.keys(value).filter((key) => !known.includes(key)).length
        : 0;
    let total = count(parsed, ['data', 'total']);
    for (const item of parsed.data) {
      total += count(item, ['_id', 'altId', 'name', 'slug', 'image', 'seo', 'createdAt']);
      total += count(item.seo, ['title', 'description']);
    }
    return total;
  };

  beforeAll(async () => {
    mock = await startPrismMock({ api: 'highlevel', dynamic: true, fillProperties, errors: true });
  });
  afterAll(async () => {
    await mock?.close();
  });

  it.each(SEEDS)('seed %i parses through the client', async (seed) => {
    const client = createHighLevelClient({
      token: 'contract-token',
      locationId: `loc-${seed}`,
      baseUrl: mock.url,
      fetch: recordingFetch(log, `dynamic=true, seed=${seed}`, true),
      retry: false,
      rateLimit: false,
    });
    const params = paramsFor(seed);
    const page = await client.listCollections(params).catch((error: unknown) => {
      throw new Error(`seed ${seed} (params ${JSON.stringify(params)}): ${String(error)}`, { cause: error });
    });
    expect(Number.isSafeInteger(page.total), `seed ${seed}`).toBe(true);
    for (const item of page.data) {
      expect(typeof item._id, `seed ${seed}`).toBe('string');
      expect(typeof item.name, `seed ${seed}`).toBe('string');
    }
    const exchange = log.at(-1)!;
    expect(exchange.status, `seed ${seed}`).toBe(200);
    expect(exchange.violations, `seed ${seed}`).toEqual([]);
  });

  // Proves the mode did what it says, so the sweep really exercised tolerance of unknown fields (or not).
  it(`${fillProperties ? 'did' : 'did not'} receive unknown fields`, () => {
    expect(log).toHaveLength(SEEDS.length);
    const withUnknown = log.filter((exchange) => unknownKeys(exchange.body ?? '{"data":[]}') > 0).length;
    if (fillProperties) expect(withUnknown).toBeGreaterThan(SEEDS.length / 4);
    else expect(withUnknown).toBe(0);
  });
});
