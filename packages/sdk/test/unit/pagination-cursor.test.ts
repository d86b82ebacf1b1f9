import { describe, expect, it } from 'vitest';
import {
  type CollectionsClientOptions,
  ConsistencyError,
  createCollectionsClient,
  getListProgress,
  InvalidResponseError,
  ValidationError,
} from '../../src/index';
import { collect } from './clients';
import {
  type FakeServer,
  fakeHighLevel,
  fakeShoplazza2025,
  highLevelItems,
  rewritingFetch,
  shoplazzaItems,
} from './fake-servers';

/** A facade whose Shoplazza block is on API version 2025-06: no retries, no rate limit, so counts are exact. */
function cursorClient(fetch: typeof globalThis.fetch, extra: Partial<CollectionsClientOptions> = {}) {
  return createCollectionsClient({
    retry: false,
    shoplazza: {
      token: 'sl-secret-token',
      baseUrl: 'https://demo.example.test',
      apiVersion: '2025-06',
      fetch,
      rateLimit: false,
    },
    ...extra,
  });
}

/** `cursor/page_size` of a request ('-' for no cursor). */
function wire(url: URL): string {
  return `${url.searchParams.get('cursor') ?? '-'}/${url.searchParams.get('page_size')}`;
}

const ids = (server: FakeServer<{ id: string }>) => server.items.map((item) => item.id);

describe('Shoplazza 2025-06 (cursor style) pagination', () => {
  it.each([
    [0, 10],
    [1, 10],
    [10, 10],
    [11, 10],
    [99, 7],
    [250, 100],
  ])(
    'yields %i collections at pageSize %i in order, each once, one request per page',
    async (count, size) => {
      const server = fakeShoplazza2025(shoplazzaItems(count));
      const client = cursorClient(server.fetch);
      const listed = (await collect(client.list({ pageSize: size }))).map((c) => c.id);
      expect(listed).toEqual(ids(server));
      const pages = Math.max(1, Math.ceil(count / size));
      expect(server.calls).toHaveLength(pages);
      // The first request has no cursor; every later one sends the previous page's last id (the fake's keyset).
      const expected = Array.from({ length: pages }, (_, page) =>
        page === 0 ? `-/${size}` : `k.${server.items[page * size - 1]!.id}/${size}`,
      );
      expect(server.calls.map(wire)).toEqual(expected);
      expect(server.calls.every((url) => url.pathname === '/openapi/2025-06/collections')).toBe(true);
      expect(server.calls.some((url) => url.searchParams.has('page') || url.searchParams.has('limit'))).toBe(
        false,
      );
    },
  );

  it('pages carry token cursors; a page cursor resumes a listing and listPage reads one page', async () => {
    const server = fakeShoplazza2025(shoplazzaItems(25));
    const client = cursorClient(server.fetch);
    const pages = await collect(client.listPages({ pageSize: 10 }));
    expect(pages.map((page) => page.cursor)).toEqual([
      { provider: 'shoplazza', token: null },
      { provider: 'shoplazza', token: 'k.sl-00009' },
      { provider: 'shoplazza', token: 'k.sl-00019' },
    ]);
    expect(pages.map((page) => page.nextCursor)).toEqual([pages[1]!.cursor, pages[2]!.cursor, undefined]);
    expect(pages.map((page) => page.requestId)).toEqual(['req-0', 'req-1', 'req-2']);
    // Through JSON, as a caller would store it.
    const resume = JSON.parse(JSON.stringify(pages[1]!.nextCursor));
    const rest = (await collect(client.list({ pageSize: 10 }, { resumeFrom: resume }))).map((c) => c.id);
    expect(rest).toEqual(ids(server).slice(20));
    const before = server.calls.length;
    const one = await client.listPage({ pageSize: 10, cursor: resume });
    expect(one.items.map((c) => c.id)).toEqual(ids(server).slice(20));
    expect(one.nextCursor).toBeUndefined();
    expect(server.calls.slice(before).map(wire)).toEqual(['k.sl-00019/10']);
  });

  it('a keyset cursor lists every survivor once while collections are inserted and deleted', async () => {
    const server = fakeShoplazza2025(shoplazzaItems(50), {
      onRequest: (index, _url, items) => {
        // Before each later page: delete an item already read and one not yet read; insert one on each side.
        if (index === 0) return undefined;
        items.splice(0, 1);
        items.splice(items.length - 5, 1);
        items.push({ id: `sl-00000-new${index}`, title: 'early', handle: 'early' });
        items.push({ id: `sl-00049-new${index}`, title: 'late', handle: 'late' });
        return undefined;
      },
    });
    const original = ids(server);
    const client = cursorClient(server.fetch);
    const listed = (await collect(client.list({ pageSize: 10 }))).map((c) => c.id);
    expect(new Set(listed).size).toBe(listed.length);
    const survivors = original.filter((id) => server.items.some((item) => item.id === id));
    for (const id of survivors) expect(listed).toContain(id);
  });

  it('a positional cursor that repeats a collection after an insertion ends in ConsistencyError, no duplicate yielded', async () => {
    const server = fakeShoplazza2025(shoplazzaItems(30), {
      positional: true,
      onRequest: (index, _url, items) => {
        if (index === 1) items.unshift({ id: 'sl-0000-inserted', title: 'new', handle: 'new' });
        return undefined;
      },
    });
    const client = cursorClient(server.fetch);
    const seen: string[] = [];
    const error = await (async () => {
      for await (const collection of client.list({ pageSize: 10 })) seen.push(collection.id);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConsistencyError);
    expect((error as Error).message).toMatch(/sl-00009 was served twice/);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(ids(server).slice(1, 11));
    // Resumable from where the walk began: it may repeat, it never misses.
    expect(getListProgress(error)).toMatchObject({ resumeCursor: { provider: 'shoplazza', token: null } });
    expect(server.calls).toHaveLength(2);
  });

  it.each([
    [
      'a cursor that comes back again',
      (body: Body, index: number) => {
        if (index > 0) body.data.cursor = 'k.sl-00009';
      },
      /came back again/,
    ],
    [
      'an empty page that says there is more',
      (body: Body, index: number) => {
        if (index === 1) body.data.collections = [];
      },
      /empty page said there is more/,
    ],
  ])('%s ends in ConsistencyError', async (_label, rewrite, message) => {
    const server = fakeShoplazza2025(shoplazzaItems(40));
    const client = cursorClient(
      rewritingFetch(server, (body, _url, index) => void rewrite(body as Body, index)),
    );
    const error = await collect(client.list({ pageSize: 10 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConsistencyError);
    expect((error as Error).message).toMatch(message);
    expect(server.calls.length).toBeLessThanOrEqual(3);
  });

  it('has_more without a cursor is an InvalidResponseError, not the end of the listing', async () => {
    const server = fakeShoplazza2025(shoplazzaItems(40));
    const client = cursorClient(rewritingFetch(server, (body) => void delete (body as Body).data.cursor));
    const error = await collect(client.list({ pageSize: 10 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(server.calls).toHaveLength(1);
  });

  it('lists HighLevel, then Shoplazza 2025-06 from its first page', async () => {
    const highlevel = fakeHighLevel(highLevelItems(3));
    const shoplazza = fakeShoplazza2025(shoplazzaItems(3));
    const client = cursorClient(shoplazza.fetch, {
      highlevel: {
        token: 'hl-secret-token',
        locationId: 'loc-1',
        baseUrl: 'https://hl.example.test',
        fetch: highlevel.fetch,
        rateLimit: false,
      },
    });
    const pages = await collect(client.listPages({ pageSize: 5 }));
    expect(pages.map((page) => page.nextCursor)).toEqual([{ provider: 'shoplazza', token: null }, undefined]);
    expect(pages.flatMap((page) => page.items.map((c) => c.id))).toEqual([
      ...highlevel.items.map((item) => item._id),
      ...ids(shoplazza),
    ]);
  });

  it.each([
    ['a page-number cursor', { provider: 'shoplazza', page: 2, pageSize: 10 }],
    ['an empty token', { provider: 'shoplazza', token: '' }],
    ['a token with a line break', { provider: 'shoplazza', token: 'k.a\nb' }],
    ['a token of 1025 characters', { provider: 'shoplazza', token: 't'.repeat(1025) }],
    ['a numeric token', { provider: 'shoplazza', token: 5 }],
  ])('refuses %s as a 2025-06 cursor before any request', async (_label, cursor) => {
    const server = fakeShoplazza2025(shoplazzaItems(5));
    const client = cursorClient(server.fetch);
    const error = await client.listPage({ cursor: cursor as never }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({
      option: 'cursor',
      rule: expect.stringContaining("{ provider: 'shoplazza', token }"),
    });
    expect(() => client.list({}, { resumeFrom: cursor as never })).toThrow(/resumeFrom/);
    expect(server.calls).toHaveLength(0);
  });

  it('a 2022-01 client refuses a token cursor, naming the shape it takes', () => {
    const client = createCollectionsClient({
      shoplazza: { token: 't', baseUrl: 'https://demo.example.test', fetch: fakeShoplazza2025([]).fetch },
    });
    expect(() => client.list({}, { resumeFrom: { provider: 'shoplazza', token: 'k.x' } as never })).toThrow(
      /\{ provider: 'shoplazza', page, pageSize \}/,
    );
  });
});

type Body = { data: { collections: unknown[]; cursor?: string; has_more: boolean } };
