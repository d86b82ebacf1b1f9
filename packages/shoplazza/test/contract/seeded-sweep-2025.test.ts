import {
  createSeededRandom,
  type Exchange,
  type RunningPrism,
  recordingFetch,
  startPrismMock,
} from '@commerce-collections/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createShoplazzaClient,
  InvalidResponseError,
  type Shoplazza2025ListCollectionsParams,
} from '../../src/index';

const SEEDS = Array.from({ length: 80 }, (_, index) => index);
const CURSOR_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/=.~';

/** Request parameters from the seed, so Prism validates a different valid 2025-06 request each time. */
function paramsFor(seed: number): Shoplazza2025ListCollectionsParams {
  const random = createSeededRandom(`2025-${seed}`).next;
  const params: Shoplazza2025ListCollectionsParams = {};
  if (random() < 0.5) {
    const length = 1 + Math.floor(random() * 200);
    params.cursor = Array.from(
      { length },
      () => CURSOR_ALPHABET[Math.floor(random() * CURSOR_ALPHABET.length)],
    ).join('');
  }
  if (random() < 0.7) params.page_size = 1 + Math.floor(random() * 100);
  if (random() < 0.3) params.ids = [`${Math.floor(random() * 1e9)}`, 'a60fe556-43ad-4e07-9125-507ac1bf71f7'];
  if (random() < 0.3) params.title = `t ${Math.floor(random() * 1000)} &#%`;
  if (random() < 0.3) params.updated_at_min = new Date(Math.floor(random() * 2_000_000_000_000));
  return params;
}

/** What the client must make of a 200 body: its page, or an InvalidResponseError when it cannot go on. */
function usableCursor(body: string): boolean {
  const { data } = JSON.parse(body) as { data: { cursor?: unknown; has_more: boolean } };
  if (!data.has_more) return true;
  const cursor = data.cursor;
  if (typeof cursor !== 'string' || cursor.length === 0 || cursor.length > 1024) return false;
  // No control characters (C0 or DEL).
  return [...cursor].every((char) => char.charCodeAt(0) > 0x1f && char.charCodeAt(0) !== 0x7f);
}

// Prism's dynamic mode invents a schema-valid 2025-06 answer per seed, with random extra properties: the client
// must parse every one, or refuse with a typed error the one that says "more" without a cursor it can send back.
describe('Shoplazza 2025-06 seeded sweep, dynamic mode with random extra properties', () => {
  let mock: RunningPrism;
  const log: Exchange[] = [];

  beforeAll(async () => {
    mock = await startPrismMock({ api: 'shoplazza', dynamic: true, fillProperties: true, errors: true });
  });
  afterAll(async () => {
    await mock?.close();
  });

  it.each(SEEDS)('seed %i parses through the client', async (seed) => {
    const client = createShoplazzaClient({
      apiVersion: '2025-06',
      token: 'contract-token',
      baseUrl: mock.url,
      fetch: recordingFetch(log, `dynamic=true, seed=${seed}`, true),
      retry: false,
      rateLimit: false,
    });
    const params = paramsFor(seed);
    const outcome = await client.listCollections(params).catch((error: unknown) => error as Error);
    const exchange = log.at(-1)!;
    expect(exchange.status, `seed ${seed}`).toBe(200);
    expect(exchange.violations, `seed ${seed}`).toEqual([]);
    expect(new URL(exchange.url).pathname).toBe('/openapi/2025-06/collections');
    if (!usableCursor(exchange.body ?? '')) {
      expect(outcome, `seed ${seed}`).toBeInstanceOf(InvalidResponseError);
      return;
    }
    if (outcome instanceof Error) throw new Error(`seed ${seed} (${JSON.stringify(params)}): ${outcome}`);
    for (const item of outcome.collections) expect(typeof item.id, `seed ${seed}`).toBe('string');
    expect(typeof outcome.hasMore).toBe('boolean');
    if (outcome.hasMore) expect(outcome.cursor).toBeTypeOf('string');
    else expect(outcome.cursor).toBeUndefined();
  });

  // Proves the sweep exercised both paths: pages the client hands on, and answers it must refuse.
  it('met both usable answers and ones without a usable cursor', () => {
    expect(log).toHaveLength(SEEDS.length);
    const usable = log.filter((exchange) => usableCursor(exchange.body ?? '')).length;
    expect(usable).toBeGreaterThan(0);
    expect(usable).toBeLessThan(SEEDS.length);
  });
});
