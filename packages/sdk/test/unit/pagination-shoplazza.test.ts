import { describe, expect, it } from 'vitest';
import { AbortedError, getListProgress, RateLimitError } from '../../src/index';
import { clientFor, collect } from './clients';
import { fakeShoplazza, shoplazzaItems } from './fake-servers';

describe('Shoplazza pagination', () => {
  it.each([
    [0, 10],
    [1, 10],
    [10, 10],
    [11, 10],
    [99, 7],
    [100, 100],
    [101, 100],
    [250, 100],
  ])(
    'yields %i collections at pageSize %i in order, each once, stopping at the short page',
    async (count, pageSize) => {
      const server = fakeShoplazza(shoplazzaItems(count));
      const client = clientFor({ shoplazza: server });
      const ids = (await collect(client.list({ pageSize }))).map((c) => c.id);
      expect(ids).toEqual(server.items.map((item) => item.id));
      // A full last page needs one more (empty) request to know it was the last.
      expect(server.calls).toHaveLength(Math.floor(count / pageSize) + 1);
      expect(server.calls.map((url) => url.searchParams.get('page'))).toEqual(
        server.calls.map((_, index) => String(index + 1)),
      );
      expect(server.maxInFlight).toBe(1);
    },
  );

  it('pages carry cursors, request ids and no total', async () => {
    const server = fakeShoplazza(shoplazzaItems(15));
    const client = clientFor({ shoplazza: server });
    const pages = await collect(client.listPages({ pageSize: 10 }));
    expect(pages.map((p) => [p.cursor, p.nextCursor, p.total, p.requestId, p.items.length])).toEqual([
      [
        { provider: 'shoplazza', page: 1, pageSize: 10 },
        { provider: 'shoplazza', page: 2, pageSize: 10 },
        undefined,
        'req-0',
        10,
      ],
      [{ provider: 'shoplazza', page: 2, pageSize: 10 }, undefined, undefined, 'req-1', 5],
    ]);
  });

  it('break stops requests', async () => {
    const server = fakeShoplazza(shoplazzaItems(100));
    const client = clientFor({ shoplazza: server });
    for await (const c of client.list({ pageSize: 10 })) if (c.id.endsWith('12')) break;
    expect(server.calls).toHaveLength(2);
  });

  it('abort while a request is in flight aborts it and throws AbortedError with progress', async () => {
    const server = fakeShoplazza(shoplazzaItems(100), { delayMs: 30 });
    const client = clientFor({ shoplazza: server });
    const controller = new AbortController();
    const error = await (async () => {
      for await (const c of client.list({ pageSize: 10 }, { signal: controller.signal })) {
        // Fires while page 3 is being answered (the server holds every answer for a while).
        if (c.id.endsWith('15')) setTimeout(() => controller.abort(), 1);
      }
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortedError);
    expect(server.calls).toHaveLength(3);
    expect(server.aborted).toBe(1);
    expect(getListProgress(error)).toEqual({
      provider: 'shoplazza',
      yielded: 20,
      resumeCursor: { provider: 'shoplazza', page: 3, pageSize: 10 },
    });
  });

  it('abort between pages sends nothing more', async () => {
    const server = fakeShoplazza(shoplazzaItems(100));
    const client = clientFor({ shoplazza: server });
    const controller = new AbortController();
    const error = await (async () => {
      for await (const c of client.list({ pageSize: 10 }, { signal: controller.signal })) {
        if (c.id.endsWith('15')) controller.abort();
      }
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortedError);
    expect(server.calls).toHaveLength(2);
  });

  it('a failure carries progress; resumeFrom continues exactly where it stopped', async () => {
    const server = fakeShoplazza(shoplazzaItems(45), {
      onRequest: (index) =>
        index === 2
          ? Response.json({ errors: ['Too many'] }, { status: 429, headers: { 'retry-after': '999' } })
          : undefined,
    });
    const client = clientFor({ shoplazza: server });
    const got: string[] = [];
    const error = await (async () => {
      for await (const c of client.list({ pageSize: 10 })) got.push(c.id);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    const progress = getListProgress(error)!;
    expect(progress).toEqual({
      provider: 'shoplazza',
      yielded: 20,
      resumeCursor: { provider: 'shoplazza', page: 3, pageSize: 10 },
    });
    for await (const c of client.list({ provider: 'shoplazza' }, { resumeFrom: progress.resumeCursor }))
      got.push(c.id);
    expect(got).toEqual(server.items.map((item) => item.id));
  });

  it('an insertion at the front mid-listing never yields a duplicate', async () => {
    const server = fakeShoplazza(shoplazzaItems(30), {
      onRequest: (index, _url, items) => {
        if (index === 1) items.unshift({ id: 'new', title: 'New', handle: 'new' });
        return undefined;
      },
    });
    const client = clientFor({ shoplazza: server });
    const ids = (await collect(client.list({ pageSize: 10 }))).map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(30);
  });

  it('filters reach the wire with the provider names', async () => {
    const server = fakeShoplazza(shoplazzaItems(3));
    const client = clientFor({ shoplazza: server });
    await collect(
      client.list({
        ids: ['sl-00000', 'sl-00002'],
        search: 'Coll ection',
        updatedAfter: '2024-01-01T10:00:00+02:00',
        productId: 'a60fe556-43ad-4e07-9125-507ac1bf71f7',
        pageSize: 5,
      }),
    );
    const query = server.calls[0]!.searchParams;
    expect(query.get('ids')).toBe('sl-00000,sl-00002');
    expect(query.get('title')).toBe('Coll ection');
    expect(query.get('updated_at_min')).toBe('2024-01-01T08:00:00Z');
    expect(query.get('product_id')).toBe('a60fe556-43ad-4e07-9125-507ac1bf71f7');
    expect(query.get('limit')).toBe('5');
    expect(query.get('page')).toBe('1');
  });
});
