import { describe, expect, it } from 'vitest';
import { AbortedError, ConsistencyError, getListProgress, ServerError } from '../../src/index';
import { MAX_RESTARTS } from '../../src/pager';
import { clientFor, collect } from './clients';
import { fakeHighLevel, highLevelItems } from './fake-servers';

/** Requests for `count` items: the first page brings pageSize, later ones max(2, pageSize) − 1 (overlap). */
function highLevelRequests(count: number, pageSize: number): number {
  if (count <= pageSize) return 1;
  return 1 + Math.ceil((count - pageSize) / (Math.max(2, pageSize) - 1));
}

describe('HighLevel pagination', () => {
  it.each([
    [0, 10],
    [1, 10],
    [9, 10],
    [10, 10],
    [11, 10],
    [99, 7],
    [250, 100],
    [1000, 100],
    [37, 1],
  ])(
    'yields %i collections at pageSize %i in order, each once, with the expected requests',
    async (count, pageSize) => {
      const server = fakeHighLevel(highLevelItems(count));
      const client = clientFor({ highlevel: server });
      const ids = (await collect(client.list({ pageSize }))).map((c) => c.id);
      expect(ids).toEqual(server.items.map((item) => item._id));
      expect(server.calls).toHaveLength(highLevelRequests(count, pageSize));
      const offsets = server.calls.map((url) => Number(url.searchParams.get('offset')));
      expect(offsets).toEqual([...offsets].sort((x, y) => x - y));
      expect(new Set(offsets).size).toBe(pageSize === 1 && count > 1 ? offsets.length - 1 : offsets.length);
      // Pages after the first start one item early (the overlap check); pageSize 1 needs room for it.
      const limits = server.calls.map((url) => url.searchParams.get('limit'));
      expect(limits).toEqual(
        limits.map((_, index) => String(index === 0 ? pageSize : Math.max(2, pageSize))),
      );
    },
  );

  it('keeps at most `concurrency` requests in flight and still yields in order', async () => {
    const server = fakeHighLevel(highLevelItems(200), { delayMs: 5 });
    const client = clientFor({ highlevel: server }, { concurrency: 3 });
    const ids = (await collect(client.list({ pageSize: 10 }))).map((c) => c.id);
    expect(ids).toEqual(server.items.map((item) => item._id));
    expect(server.maxInFlight).toBe(3);
  });

  it('defaults to 4 pages in flight and pageSize 100', async () => {
    const server = fakeHighLevel(highLevelItems(1000), { delayMs: 5 });
    const client = clientFor({ highlevel: server });
    expect(await collect(client.list())).toHaveLength(1000);
    expect(server.maxInFlight).toBe(4);
    expect(server.calls[0]?.searchParams.get('limit')).toBe('100');
  });

  it('requests nothing beyond the window while the consumer is slow to take pages', async () => {
    const server = fakeHighLevel(highLevelItems(100));
    const client = clientFor({ highlevel: server }, { concurrency: 2 });
    const iterator = client.listPages({ pageSize: 10 })[Symbol.asyncIterator]();
    await iterator.next(); // page 1 answered; pages 2 and 3 requested
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(server.calls).toHaveLength(3);
    await iterator.return?.();
  });

  it('stops requesting and aborts in-flight requests when the loop breaks', async () => {
    const server = fakeHighLevel(highLevelItems(1000), { delayMs: 5 });
    const client = clientFor({ highlevel: server }, { concurrency: 4 });
    let seen = 0;
    for await (const _ of client.list({ pageSize: 10 })) {
      if (++seen === 15) break;
    }
    // First page, then 4 in flight; page 2 consumed → one more requested. Nothing after the break.
    const callsAtBreak = server.calls.length;
    expect(callsAtBreak).toBe(6);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(server.calls).toHaveLength(callsAtBreak);
    expect(server.aborted).toBe(4);
    expect(server.inFlight).toBe(0);
  });

  it('aborting the signal aborts in-flight requests and throws AbortedError with progress', async () => {
    const server = fakeHighLevel(highLevelItems(500), { delayMs: 5 });
    const client = clientFor({ highlevel: server });
    const controller = new AbortController();
    let seen = 0;
    const run = async () => {
      for await (const _ of client.list({ pageSize: 10 }, { signal: controller.signal })) {
        if (++seen === 25) controller.abort();
      }
    };
    const error = await run().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortedError);
    expect(getListProgress(error)).toEqual({
      provider: 'highlevel',
      // Item 25 is on the third page (items 19–27: pages after the first bring pageSize − 1 new items);
      // that page is delivered whole, then the iterator stops.
      yielded: 28,
      resumeCursor: { provider: 'highlevel', offset: 28 },
    });
    const calls = server.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(server.calls).toHaveLength(calls);
    expect(server.inFlight).toBe(0);
  });

  it('an already-aborted signal sends nothing', async () => {
    const server = fakeHighLevel(highLevelItems(5));
    const client = clientFor({ highlevel: server });
    await expect(collect(client.list({}, { signal: AbortSignal.abort() }))).rejects.toBeInstanceOf(
      AbortedError,
    );
    expect(server.calls).toHaveLength(0);
  });

  it('a failed page throws the typed error with progress, and resumeFrom continues without duplicates', async () => {
    const failAt = 4;
    const server = fakeHighLevel(highLevelItems(95), {
      onRequest: (index) =>
        index === failAt ? Response.json({ statusCode: 500, message: 'boom' }, { status: 500 }) : undefined,
    });
    const client = clientFor({ highlevel: server }, { concurrency: 3 });
    const got: string[] = [];
    const error = await (async () => {
      for await (const c of client.list({ pageSize: 10 })) got.push(c.id);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    const progress = getListProgress(error)!;
    // The failed page started one item early (the overlap): its first new item is the resume point.
    const failedOffset = Number(server.calls[failAt]?.searchParams.get('offset')) + 1;
    expect(progress).toEqual({
      provider: 'highlevel',
      yielded: failedOffset,
      resumeCursor: { provider: 'highlevel', offset: failedOffset },
    });
    expect(got).toHaveLength(failedOffset);
    for await (const c of client.list({ pageSize: 10 }, { resumeFrom: progress.resumeCursor }))
      got.push(c.id);
    expect(got).toEqual(server.items.map((item) => item._id));
  });

  it('offset shift by an insertion mid-listing: total changes, the walk re-reads, nothing is yielded twice', async () => {
    const server = fakeHighLevel(highLevelItems(50), {
      onRequest: (index, _url, items) => {
        // After the first page: a new collection appears at the front, shifting every offset by one.
        if (index === 1) items.unshift({ _id: 'inserted', name: 'New' });
        return undefined;
      },
    });
    const client = clientFor({ highlevel: server }, { concurrency: 1 });
    const ids = (await collect(client.list({ pageSize: 10 }))).map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(server.items.map((item) => item._id)));
  });

  it('offset shift by a deletion mid-listing: no survivor is missed', async () => {
    const server = fakeHighLevel(highLevelItems(50), {
      onRequest: (index, _url, items) => {
        if (index === 2) items.splice(0, 3); // three already-yielded collections deleted
        return undefined;
      },
    });
    const client = clientFor({ highlevel: server }, { concurrency: 2 });
    const ids = (await collect(client.list({ pageSize: 10 }))).map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const survivor of server.items) expect(ids).toContain(survivor._id);
  });

  it(`throws ConsistencyError with progress when offsets keep shifting past ${MAX_RESTARTS} re-reads`, async () => {
    let n = 0;
    const server = fakeHighLevel(highLevelItems(30), {
      onRequest: (_index, _url, items) => {
        items.unshift({ _id: `early-${n++}`, name: 'Early' });
        return undefined;
      },
    });
    const client = clientFor({ highlevel: server }, { concurrency: 1 });
    const error = await collect(client.list({ pageSize: 10 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConsistencyError);
    expect((error as ConsistencyError).provider).toBe('highlevel');
    expect(getListProgress(error)?.provider).toBe('highlevel');
  });

  it('a server that caps the page size below ours: offsets step by what it serves, nothing is skipped', async () => {
    const server = fakeHighLevel(highLevelItems(250), { maxLimit: 30 });
    const client = clientFor({ highlevel: server });
    const pages = await collect(client.listPages({ pageSize: 100 }));
    expect(pages.flatMap((page) => page.items.map((c) => c.id))).toEqual(
      server.items.map((item) => item._id),
    );
    expect(server.calls.map((url) => Number(url.searchParams.get('offset')))).toEqual(
      // Then limit 30 (what it serves), one item of overlap: 29 new items per page.
      [0, ...Array.from({ length: 8 }, (_, index) => 29 + index * 29)],
    );
    expect(pages.map((page) => page.nextCursor)).toContainEqual({ provider: 'highlevel', offset: 30 });
  });

  it('listPage follows a capped server too', async () => {
    const server = fakeHighLevel(highLevelItems(45), { maxLimit: 20 });
    const client = clientFor({ highlevel: server });
    const first = await client.listPage({ pageSize: 100 });
    expect(first.nextCursor).toEqual({ provider: 'highlevel', offset: 20 });
  });

  it('a short page (same total) breaks the next overlap: re-read, then ConsistencyError', async () => {
    const server = fakeHighLevel(highLevelItems(40), {
      onRequest: (_index, url, items) => {
        // The second page (requested from offset 9) comes back two short, while total stays the same.
        if (url.searchParams.get('offset') !== '9') return undefined;
        return Response.json({ data: items.slice(9, 17), total: items.length });
      },
    });
    const client = clientFor({ highlevel: server }, { concurrency: 1 });
    const error = await collect(client.list({ pageSize: 10 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConsistencyError);
    expect((error as Error).message).toContain('offsets shifted before offset 19');
    // First walk + MAX_RESTARTS re-reads, each reading from offsets 0, 9 and 18 (where the overlap fails).
    expect(server.calls).toHaveLength(3 * (MAX_RESTARTS + 1));
  });
});
