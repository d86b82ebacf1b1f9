import { describe, expect, it } from 'vitest';
import {
  CommerceCollectionsError,
  ConsistencyError,
  getListProgress,
  type HighLevelCollection,
  PageSizeError,
  type ShoplazzaCollection,
} from '../../src/index';
import { clientFor, collect } from './clients';
import {
  type FakeOptions,
  fakeHighLevel,
  fakeShoplazza,
  highLevelItems,
  rewritingFetch,
  shoplazzaItems,
} from './fake-servers';

/**
 * Servers that break the paging rules the facade relies on: they serve fewer collections than asked (a page-size
 * cap below the request), or serve a collection twice. Whatever they do, `list()` yields every collection
 * exactly once and in order, or throws a typed error: never a silent partial or duplicated listing.
 */

/** `page/limit` of a Shoplazza request. */
function wire(url: URL): string {
  return `${url.searchParams.get('page')}/${url.searchParams.get('limit')}`;
}

/** Lists until done or failed: what was yielded, and the error (undefined when it completed). */
async function drain<T extends { id: string }>(iterable: AsyncIterable<T>) {
  const ids: string[] = [];
  const error = await (async () => {
    for await (const collection of iterable) ids.push(collection.id);
  })().then(
    () => undefined,
    (e: unknown) => e,
  );
  return { ids, error };
}

describe('Shoplazza: a server that serves fewer than asked', () => {
  it('7 per page when 50 are asked: PageSizeError before anything is yielded (never 7 of 230 and done); the suggested page size resumes the whole listing', async () => {
    const server = fakeShoplazza(shoplazzaItems(230), { maxLimit: 7 });
    const client = clientFor({ shoplazza: server });
    const { ids, error } = await drain(client.list({ pageSize: 50 }));
    expect(ids).toEqual([]);
    expect(error).toBeInstanceOf(PageSizeError);
    expect(error).toBeInstanceOf(CommerceCollectionsError);
    const capped = error as PageSizeError;
    expect([capped.provider, capped.pageSize, capped.served, capped.suggestedPageSize]).toEqual([
      'shoplazza',
      50,
      7,
      7,
    ]);
    expect(capped.message).toContain('served 7 of the 50 collections asked for page 1');
    expect(capped.message).toContain('list with pageSize 7');
    // One request to confirm: the short page 1 was not the end.
    expect(server.calls.map(wire)).toEqual(['1/50', '2/50']);
    const progress = getListProgress(error)!;
    expect(progress).toEqual({
      provider: 'shoplazza',
      yielded: 0,
      resumeCursor: { provider: 'shoplazza', page: 1, pageSize: 7 },
    });
    expect(capped.resumeCursor).toEqual(progress.resumeCursor);
    const resumed = await collect(
      client.list({ provider: 'shoplazza' }, { resumeFrom: progress.resumeCursor }),
    );
    expect(resumed.map((c) => c.id)).toEqual(server.items.map((item) => item.id));
  });

  it('resumed deep into a listing: the resume cursor keeps the position, in pages of a size that divides it', async () => {
    const server = fakeShoplazza(shoplazzaItems(230), { maxLimit: 7 });
    const client = clientFor({ shoplazza: server });
    const { ids, error } = await drain(
      client.list(
        { provider: 'shoplazza' },
        { resumeFrom: { provider: 'shoplazza', page: 3, pageSize: 50 } },
      ),
    );
    expect(ids).toEqual([]);
    expect(error).toBeInstanceOf(PageSizeError);
    // 100 collections come before page 3 of 50: in pages of 5 (the largest size ≤ 7 dividing 100) that is page 21.
    const resumeCursor = getListProgress(error)!.resumeCursor;
    expect(resumeCursor).toEqual({ provider: 'shoplazza', page: 21, pageSize: 5 });
    const resumed = await collect(client.list({ provider: 'shoplazza' }, { resumeFrom: resumeCursor }));
    expect(resumed.map((c) => c.id)).toEqual(server.items.slice(100).map((item) => item.id));
  });

  it('listPage of a short page: `nextCursor` says the end only once the next page came back empty', async () => {
    const capped = fakeShoplazza(shoplazzaItems(230), { maxLimit: 7 });
    const error = await clientFor({ shoplazza: capped })
      .listPage({ provider: 'shoplazza', pageSize: 50 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PageSizeError);
    expect((error as PageSizeError).operation).toBe('listPage');
    expect((error as PageSizeError).resumeCursor).toEqual({ provider: 'shoplazza', page: 1, pageSize: 7 });
    expect(capped.calls.map(wire)).toEqual(['1/50', '2/50']);

    const honest = fakeShoplazza(shoplazzaItems(7));
    const page = await clientFor({ shoplazza: honest }).listPage({ provider: 'shoplazza', pageSize: 50 });
    expect(page.items).toHaveLength(7);
    expect(page.nextCursor).toBeUndefined();
    expect(honest.calls.map(wire)).toEqual(['1/50', '2/50']);
  });

  it('a cap that starts mid-listing (after full pages): never a silent partial listing, never a duplicate', async () => {
    const options: FakeOptions<ShoplazzaCollection> = {};
    options.onRequest = (index) => {
      if (index === 3) options.maxLimit = 7; // after page 1, page 2 and its probe
      return undefined;
    };
    const server = fakeShoplazza(shoplazzaItems(230), options);
    const { ids, error } = await drain(clientFor({ shoplazza: server }).list({ pageSize: 50 }));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(server.items.slice(0, ids.length).map((item) => item.id));
    expect(error).toBeInstanceOf(CommerceCollectionsError);
    expect(getListProgress(error)).toBeDefined();
  });

  it('the same without the boundary probe', async () => {
    const options: FakeOptions<ShoplazzaCollection> = {};
    options.onRequest = (index) => {
      if (index === 2) options.maxLimit = 7;
      return undefined;
    };
    const server = fakeShoplazza(shoplazzaItems(230), options);
    const client = clientFor({ shoplazza: server }, { verifyPageBoundaries: false });
    const { ids, error } = await drain(client.list({ pageSize: 50 }));
    expect(new Set(ids).size).toBe(ids.length);
    expect(error).toBeInstanceOf(CommerceCollectionsError);
  });
});

describe('HighLevel: a server that serves fewer than asked', () => {
  it('7 per page when 50 are asked: all 230, each once, in order (it adapts to what it is served)', async () => {
    const server = fakeHighLevel(highLevelItems(230), { maxLimit: 7 });
    const ids = (await collect(clientFor({ highlevel: server }).list({ pageSize: 50 }))).map((c) => c.id);
    expect(ids).toEqual(server.items.map((item) => item._id));
  });

  it('a cap that starts mid-listing: every collection once, in order, or a typed error', async () => {
    const options: FakeOptions<HighLevelCollection> = { delayMs: 1 };
    options.onRequest = (index) => {
      if (index === 3) options.maxLimit = 7;
      return undefined;
    };
    const server = fakeHighLevel(highLevelItems(230), options);
    const { ids, error } = await drain(clientFor({ highlevel: server }).list({ pageSize: 50 }));
    expect(new Set(ids).size).toBe(ids.length);
    if (error === undefined) expect(ids).toEqual(server.items.map((item) => item._id));
    else expect(error).toBeInstanceOf(CommerceCollectionsError);
  });

  it('the last page served short of `total` with nothing scheduled after it: the listing goes on from there', async () => {
    // 23 collections at pageSize 10: offsets 0, 9, 18. The page at 18 serves 2 instead of 5.
    const server = fakeHighLevel(highLevelItems(23), {
      onRequest: (_index, url, items) =>
        url.searchParams.get('offset') === '18'
          ? Response.json({ data: items.slice(18, 20), total: items.length })
          : undefined,
    });
    const ids = (
      await collect(clientFor({ highlevel: server }, { concurrency: 1 }).list({ pageSize: 10 }))
    ).map((c) => c.id);
    expect(ids).toEqual(server.items.map((item) => item._id));
    expect(server.calls.map((url) => url.searchParams.get('offset'))).toEqual(['0', '9', '18', '19']);
  });

  it('an empty first page under a non-zero total: ConsistencyError, not an empty listing', async () => {
    const server = fakeHighLevel(highLevelItems(30), {
      onRequest: (_index, _url, items) => Response.json({ data: [], total: items.length }),
    });
    const { ids, error } = await drain(clientFor({ highlevel: server }).list({ pageSize: 10 }));
    expect(ids).toEqual([]);
    expect(error).toBeInstanceOf(ConsistencyError);
    expect((error as Error).message).toContain('served no new collection of the 30 counted');
  });
});

describe.each([true, false])(
  'Shoplazza (verifyPageBoundaries: %s): a server that serves a collection twice',
  (verifyPageBoundaries) => {
    it('the first collection again on every page: ConsistencyError, nothing yielded twice', async () => {
      const server = fakeShoplazza(shoplazzaItems(230));
      const first = server.items[0]!;
      // Pages of 5 after the first carry the first collection in place of their second one (probes are left alone).
      const fetch = rewritingFetch(server, (body, url) => {
        const collections = body.collections as ShoplazzaCollection[];
        if (url.searchParams.get('page') !== '1' && collections.length > 1) collections[1] = first;
      });
      const client = clientFor({ shoplazza: { ...server, fetch } }, { verifyPageBoundaries });
      const { ids, error } = await drain(client.list({ pageSize: 5 }));
      expect(new Set(ids).size).toBe(ids.length);
      expect(error).toBeInstanceOf(ConsistencyError);
      expect((error as ConsistencyError).provider).toBe('shoplazza');
      expect((error as Error).message).toContain(`collection ${first.id} was served twice`);
      expect(getListProgress(error)?.resumeCursor).toEqual({ provider: 'shoplazza', page: 1, pageSize: 5 });
    });

    it('a collection served twice once: re-read, every collection once, in order', async () => {
      const server = fakeShoplazza(shoplazzaItems(60));
      let served = 0;
      const fetch = rewritingFetch(server, (body, url) => {
        const collections = body.collections as ShoplazzaCollection[];
        // The first answer for page 2 carries page 1's third collection in place of its fourth.
        if (wire(url) === '2/5' && served++ === 0) collections[3] = server.items[2]!;
      });
      const client = clientFor({ shoplazza: { ...server, fetch } }, { verifyPageBoundaries });
      const ids = (await collect(client.list({ pageSize: 5 }))).map((c) => c.id);
      expect(ids).toEqual(server.items.map((item) => item.id));
    });
  },
);

describe('HighLevel: a server that serves a collection twice', () => {
  it('the first collection again on every page (the overlap intact): ConsistencyError, nothing yielded twice', async () => {
    const server = fakeHighLevel(highLevelItems(230));
    const first = server.items[0]!;
    const fetch = rewritingFetch(server, (body, url) => {
      const data = body.data as HighLevelCollection[];
      if (url.searchParams.get('offset') !== '0' && data.length > 3) data[2] = first;
    });
    const { ids, error } = await drain(clientFor({ highlevel: { ...server, fetch } }).list({ pageSize: 5 }));
    expect(new Set(ids).size).toBe(ids.length);
    expect(error).toBeInstanceOf(ConsistencyError);
    expect((error as Error).message).toContain(`collection ${first._id} was served twice`);
    expect(getListProgress(error)?.resumeCursor).toEqual({ provider: 'highlevel', offset: 0 });
  });

  it('one collection twice within every page: ConsistencyError, nothing yielded twice', async () => {
    const server = fakeHighLevel(highLevelItems(230));
    const fetch = rewritingFetch(server, (body) => {
      const data = body.data as HighLevelCollection[];
      if (data.length > 3) data[2] = data[1]!;
    });
    const { ids, error } = await drain(clientFor({ highlevel: { ...server, fetch } }).list({ pageSize: 5 }));
    expect(new Set(ids).size).toBe(ids.length);
    expect(error).toBeInstanceOf(ConsistencyError);
  });

  it('a collection served twice once: re-read, every collection once, in order', async () => {
    const server = fakeHighLevel(highLevelItems(60));
    const fetch = rewritingFetch(server, (body, _url, index) => {
      const data = body.data as HighLevelCollection[];
      if (index === 2) data[2] = server.items[1]!;
    });
    const client = clientFor({ highlevel: { ...server, fetch } }, { concurrency: 1 });
    const ids = (await collect(client.list({ pageSize: 5 }))).map((c) => c.id);
    expect(ids).toEqual(server.items.map((item) => item._id));
  });
});
