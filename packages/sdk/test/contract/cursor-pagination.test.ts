import {
  type ShoplazzaCollectionRecord,
  startValidatedSandbox,
  type ValidatedSandbox,
} from '@commerce-collections/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsistencyError, createCollectionsClient, getListProgress } from '../../src/index';
import { collect, SHOP, TIME_SCALE, TOKEN } from './harness';

// Shoplazza API version 2025-06 through the facade, against the contract sandbox behind its validating Prism
// proxy (real HTTP on 127.0.0.1): once with its keyset cursor, once with its cursor made unstable on purpose
// (`cursorMode: 'offset'`). Collections are inserted and deleted between pages by the sandbox's fault hook.
type Mutation = ((items: ShoplazzaCollectionRecord[], requestIndex: number) => void) | undefined;

let keyset: ValidatedSandbox<'shoplazza'>;
let positional: ValidatedSandbox<'shoplazza'>;
const mutations: { keyset: Mutation; positional: Mutation } = { keyset: undefined, positional: undefined };

function start(mode: 'keyset' | 'offset', name: keyof typeof mutations) {
  return startValidatedSandbox('shoplazza', {
    collections: 120,
    seed: 'sdk-cursor',
    token: TOKEN,
    shop: SHOP,
    timeScale: TIME_SCALE,
    cursorMode: mode,
    faults: ({ dataset, requestIndex }) => {
      const mutate = mutations[name];
      if (mutate === undefined) return undefined;
      const items = [...dataset.items];
      mutate(items, requestIndex);
      const ids = new Set(items.map((record) => record.collection.id));
      dataset.remove(
        dataset.items.filter((record) => !ids.has(record.collection.id)).map((r) => r.collection.id),
      );
      const present = new Set(dataset.items.map((record) => record.collection.id));
      for (const record of items) if (!present.has(record.collection.id)) dataset.insert(record);
      return undefined;
    },
  });
}

beforeAll(async () => {
  [keyset, positional] = await Promise.all([start('keyset', 'keyset'), start('offset', 'positional')]);
});
afterAll(async () => {
  await Promise.all([keyset?.close(), positional?.close()]);
});

function clientFor(sandbox: ValidatedSandbox<'shoplazza'>) {
  return createCollectionsClient({
    shoplazza: {
      token: TOKEN,
      shop: SHOP,
      baseUrl: sandbox.url,
      apiVersion: '2025-06',
      rateLimit: { ratePerSecond: 2 / TIME_SCALE },
    },
  });
}

/** The 2025-06 listing order: created_at, then id. */
function listingOrder(sandbox: ValidatedSandbox<'shoplazza'>): string[] {
  return [...sandbox.sandbox.dataset.items]
    .sort((a, b) => {
      const [x, y] = [a.collection, b.collection];
      const byTime = (x.created_at ?? '').localeCompare(y.created_at ?? '');
      return byTime !== 0 ? byTime : x.id.localeCompare(y.id);
    })
    .map((record) => record.collection.id);
}

function copyOf(record: ShoplazzaCollectionRecord, id: string, createdAt: string): ShoplazzaCollectionRecord {
  return { ...record, collection: { ...record.collection, id, created_at: createdAt } };
}

describe('Shoplazza 2025-06 through the facade, against the sandbox', () => {
  it.each([1, 10, 100])(
    'lists every collection once at pageSize %i, one request per page, cursors on the wire',
    async (pageSize) => {
      keyset.sandbox.reset();
      mutations.keyset = undefined;
      const expected = listingOrder(keyset);
      const ids = (await collect(clientFor(keyset).list({ pageSize }))).map((c) => c.id);
      expect(ids).toEqual(expected);
      const log = keyset.sandbox.requestLog;
      expect(log).toHaveLength(Math.ceil(expected.length / pageSize));
      expect(log.every((entry) => entry.status === 200)).toBe(true);
      expect(log[0]!.url).toBe(`/openapi/2025-06/collections?page_size=${pageSize}`);
      for (const entry of log.slice(1)) {
        expect(entry.url).toMatch(
          new RegExp(`^/openapi/2025-06/collections\\?cursor=[A-Za-z0-9_-]+&page_size=${pageSize}$`),
        );
      }
    },
  );

  it('keyset: collections inserted and deleted between pages; every collection present throughout comes once', async () => {
    keyset.sandbox.reset();
    const original = listingOrder(keyset);
    const template = keyset.sandbox.dataset.items[0]!;
    mutations.keyset = (items, requestIndex) => {
      if (requestIndex !== 2) return;
      items.push(copyOf(template, '00000000-0000-4000-8000-00000000000a', '2000-01-01T00:00:00Z'));
      items.push(copyOf(template, 'ffffffff-ffff-4fff-bfff-fffffffffffa', '2099-01-01T00:00:00Z'));
      for (const id of [original[3], original[25], original[90]])
        items.splice(
          items.findIndex((r) => r.collection.id === id),
          1,
        );
    };
    const ids = (await collect(clientFor(keyset).list({ pageSize: 10 }))).map((c) => c.id);
    mutations.keyset = undefined;
    expect(new Set(ids).size).toBe(ids.length);
    const survivors = original.filter(
      (id) => id !== original[3] && id !== original[25] && id !== original[90],
    );
    expect(ids.filter((id) => survivors.includes(id))).toEqual(survivors);
    expect(ids).toContain('ffffffff-ffff-4fff-bfff-fffffffffffa');
    expect(ids).not.toContain(original[90]);
  });

  it('unstable cursor: an insertion before the position ends in a resumable ConsistencyError, no duplicate yielded', async () => {
    positional.sandbox.reset();
    const original = listingOrder(positional);
    const template = positional.sandbox.dataset.items[0]!;
    mutations.positional = (items, requestIndex) => {
      if (requestIndex === 1)
        items.push(copyOf(template, '00000000-0000-4000-8000-00000000000b', '2000-01-01T00:00:00Z'));
    };
    const seen: string[] = [];
    const client = clientFor(positional);
    const error = await (async () => {
      for await (const collection of client.list({ pageSize: 10 })) seen.push(collection.id);
    })().catch((e: unknown) => e);
    mutations.positional = undefined;
    expect(error).toBeInstanceOf(ConsistencyError);
    expect((error as Error).message).toContain(`${original[9]} was served twice`);
    expect(seen).toEqual(original.slice(0, 10));
    const resumeCursor = getListProgress(error)!.resumeCursor;
    expect(resumeCursor).toEqual({ provider: 'shoplazza', token: null });
    // Resuming from there, with the data settled, lists everything (a resume may repeat, never miss).
    const resumed = (await collect(client.list({ pageSize: 10 }, { resumeFrom: resumeCursor }))).map(
      (c) => c.id,
    );
    expect(resumed).toEqual(listingOrder(positional));
  });

  it('unstable cursor: a deletion before the position skips one collection unseen (documented limit)', async () => {
    positional.sandbox.reset();
    const original = listingOrder(positional);
    mutations.positional = (items, requestIndex) => {
      if (requestIndex === 1)
        items.splice(
          items.findIndex((r) => r.collection.id === original[0]),
          1,
        );
    };
    const ids = (await collect(clientFor(positional).list({ pageSize: 10 }))).map((c) => c.id);
    mutations.positional = undefined;
    // original[10] moved to position 9, behind the cursor: no page can show it. 2022-01's probes would.
    expect(ids).toEqual([...original.slice(0, 10), ...original.slice(11)]);
  });
});
