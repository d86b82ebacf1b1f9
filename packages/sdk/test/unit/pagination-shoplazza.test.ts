import { describe, expect, it } from 'vitest';
import {
  AbortedError,
  ConsistencyError,
  getListProgress,
  RateLimitError,
  ValidationError,
} from '../../src/index';
import { MAX_RESTARTS } from '../../src/pager';
import { clientFor, collect } from './clients';
import { fakeShoplazza, shoplazzaItems } from './fake-servers';

/** `page/limit` of a request. */
function wire(url: URL): string {
  return `${url.searchParams.get('page')}/${url.searchParams.get('limit')}`;
}

/**
 * The requests of a settled listing of `pages` pages: page 1, then each page k+1 and the probe of page k's end;
 * after a short, non-empty last page, the next page (empty) that confirms it was the last.
 */
function expectedWire(pages: number, pageSize: number, lastShort: boolean): string[] {
  const out = [`1/${pageSize}`];
  for (let page = 2; page <= pages; page++) out.push(`${page}/${pageSize}`, `${(page - 1) * pageSize}/1`);
  if (lastShort) out.push(`${pages + 1}/${pageSize}`);
  return out;
}

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
    'yields %i collections at pageSize %i in order, each once, stopping at the confirmed end',
    async (count, pageSize) => {
      const server = fakeShoplazza(shoplazzaItems(count));
      const client = clientFor({ shoplazza: server });
      const ids = (await collect(client.list({ pageSize }))).map((c) => c.id);
      expect(ids).toEqual(server.items.map((item) => item.id));
      // The end is an empty page: after a full last page it is the next page anyway, after a short one it is
      // asked for to confirm the short page was the last. Every page after the first is followed by the
      // one-item probe of the boundary before it.
      const pages = Math.floor(count / pageSize) + 1;
      const lastShort = count % pageSize > 0;
      expect(server.calls).toHaveLength(2 * pages - 1 + (lastShort ? 1 : 0));
      expect(server.calls.map(wire)).toEqual(expectedWire(pages, pageSize, lastShort));
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
    // Page 2 is shown once the probe of the 1|2 boundary checked out.
    expect(server.calls.map(wire)).toEqual(['1/10', '2/10', '10/1']);
  });

  it('abort while a request is in flight aborts it and throws AbortedError with progress', async () => {
    const server = fakeShoplazza(shoplazzaItems(100), { delayMs: 30 });
    const client = clientFor({ shoplazza: server });
    const controller = new AbortController();
    const error = await (async () => {
      for await (const c of client.list({ pageSize: 10 }, { signal: controller.signal })) {
        // Fires while page 2 is being answered (the server holds every answer for a while).
        if (c.id.endsWith('05')) setTimeout(() => controller.abort(), 1);
      }
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortedError);
    expect(server.calls).toHaveLength(2);
    expect(server.aborted).toBe(1);
    expect(getListProgress(error)).toEqual({
      provider: 'shoplazza',
      yielded: 10,
      resumeCursor: { provider: 'shoplazza', page: 2, pageSize: 10 },
    });
  });

  it('abort during a boundary probe aborts it; the page it guards is not shown and is where to resume', async () => {
    const server = fakeShoplazza(shoplazzaItems(100), { delayMs: 30 });
    const controller = new AbortController();
    // Aborts once the probe of the 2|3 boundary is in flight (the server holds it for a while).
    const fetch: typeof globalThis.fetch = (input, init) => {
      const answer = server.fetch(input, init);
      if (wire(server.calls.at(-1)!) === '20/1') controller.abort();
      return answer;
    };
    const client = clientFor({ shoplazza: { ...server, fetch } });
    const error = await (async () => {
      for await (const _ of client.list({ pageSize: 10 }, { signal: controller.signal })) {
      }
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortedError);
    expect(server.calls.map(wire)).toEqual(['1/10', '2/10', '10/1', '3/10', '20/1']);
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
    expect(server.calls.map(wire)).toEqual(['1/10', '2/10', '10/1']);
  });

  it('a failure carries progress; resumeFrom continues exactly where it stopped', async () => {
    const server = fakeShoplazza(shoplazzaItems(45), {
      onRequest: (index) =>
        index === 3 // page 3 (after page 1, page 2 and the 1|2 probe)
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

  it('an insertion at the front mid-listing: the probe sees the shift, the re-read repeats nothing', async () => {
    const original = shoplazzaItems(30);
    const server = fakeShoplazza(original.slice(), {
      onRequest: (index, _url, items) => {
        if (index === 1) items.unshift({ id: 'new', title: 'New', handle: 'new' });
        return undefined;
      },
    });
    const client = clientFor({ shoplazza: server });
    const ids = (await collect(client.list({ pageSize: 10 }))).map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Every original once, in order; the new one (present from then on) is picked up by the re-read.
    expect(ids.filter((id) => id !== 'new')).toEqual(original.map((item) => item.id));
    expect(ids).toContain('new');
    // page 1, page 2, probe (shifted: sl-00008 where sl-00009 was), re-read from page 1.
    expect(server.calls.slice(0, 4).map(wire)).toEqual(['1/10', '2/10', '10/1', '1/10']);
  });

  it('wire: no probe before page 1, none after a short first page (only the page that confirms the end), none at all with verifyPageBoundaries: false', async () => {
    const short = fakeShoplazza(shoplazzaItems(7));
    await collect(clientFor({ shoplazza: short }).list({ pageSize: 10 }));
    expect(short.calls.map(wire)).toEqual(['1/10', '2/10']);

    const exact = fakeShoplazza(shoplazzaItems(30));
    await collect(clientFor({ shoplazza: exact }).list({ pageSize: 10 }));
    expect(exact.calls.map(wire)).toEqual(['1/10', '2/10', '10/1', '3/10', '20/1', '4/10', '30/1']);

    const off = fakeShoplazza(shoplazzaItems(25));
    const ids = (
      await collect(clientFor({ shoplazza: off }, { verifyPageBoundaries: false }).list({ pageSize: 10 }))
    ).map((c) => c.id);
    expect(ids).toEqual(off.items.map((item) => item.id));
    expect(off.calls.map(wire)).toEqual(['1/10', '2/10', '3/10', '4/10']);
  });

  it('verifyPageBoundaries must be a boolean (ValidationError at setup, nothing sent)', () => {
    const server = fakeShoplazza(shoplazzaItems(3));
    expect(() => clientFor({ shoplazza: server }, { verifyPageBoundaries: 'no' as never })).toThrow(
      ValidationError,
    );
    expect(server.calls).toHaveLength(0);
  });

  it('listPages probes too, listPage never does; both confirm a short page; probes carry the filters', async () => {
    const server = fakeShoplazza(shoplazzaItems(15));
    const client = clientFor({ shoplazza: server });
    await collect(client.listPages({ pageSize: 10, search: 'Coll' }));
    expect(server.calls.map(wire)).toEqual(['1/10', '2/10', '10/1', '3/10']);
    expect(server.calls.map((url) => url.searchParams.get('title'))).toEqual([
      'Coll',
      'Coll',
      'Coll',
      'Coll',
    ]);
    server.calls.length = 0;
    const page = await client.listPage({
      pageSize: 10,
      cursor: { provider: 'shoplazza', page: 2, pageSize: 10 },
    });
    expect(server.calls.map(wire)).toEqual(['2/10', '3/10']);
    expect(page.nextCursor).toBeUndefined();
  });

  it('a deletion before the position between two pages is healed: every collection once, in order', async () => {
    const original = shoplazzaItems(30);
    const server = fakeShoplazza(original.slice(), {
      // Before page 2 is answered: everything shifts left, sl-00010 moves into page 1's range.
      onRequest: (index, _url, items) => {
        if (index === 1) items.splice(0, 1);
        return undefined;
      },
    });
    const client = clientFor({ shoplazza: server });
    const ids = (await collect(client.list({ pageSize: 10 }))).map((c) => c.id);
    expect(ids).toEqual(original.map((item) => item.id));
    // The probe finds sl-00010 where sl-00009 was: page 2 is dropped, the walk is re-read from page 1.
    expect(server.calls.slice(0, 4).map(wire)).toEqual(['1/10', '2/10', '10/1', '1/10']);
  });

  it('a deletion that shrinks the list under the next page (empty probe) is healed', async () => {
    const original = shoplazzaItems(11);
    const server = fakeShoplazza(original.slice(), {
      onRequest: (index, _url, items) => {
        if (index === 1) items.splice(3, 1); // page 2 comes back empty, sl-00010 is now page 1's last
        return undefined;
      },
    });
    const ids = (await collect(clientFor({ shoplazza: server }).list({ pageSize: 10 }))).map((c) => c.id);
    expect(ids).toEqual(original.map((item) => item.id));
  });

  it('several deletions on several pages are healed within MAX_RESTARTS re-reads', async () => {
    const original = shoplazzaItems(40);
    const server = fakeShoplazza(original.slice(), {
      onRequest: (index, _url, items) => {
        if (index === 1) items.splice(0, 2); // before page 2
        if (index === 5) items.splice(1, 1); // during the first re-read
        return undefined;
      },
    });
    const ids = (await collect(clientFor({ shoplazza: server }).list({ pageSize: 10 }))).map((c) => c.id);
    expect(ids).toEqual(original.map((item) => item.id));
  });

  it(`data that keeps shifting: ConsistencyError with progress after ${MAX_RESTARTS} re-reads; the resume misses nothing`, async () => {
    const original = shoplazzaItems(30);
    let churning = true;
    let deleted = 0;
    const server = fakeShoplazza(original.slice(), {
      // Every page request after the first of a walk: one collection before the position goes.
      onRequest: (_index, url, items) => {
        if (churning && wire(url) === '2/10') {
          items.splice(0, 1);
          deleted++;
        }
        return undefined;
      },
    });
    const client = clientFor({ shoplazza: server });
    const got: string[] = [];
    const error = await (async () => {
      for await (const c of client.list({ pageSize: 10 })) got.push(c.id);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConsistencyError);
    expect((error as ConsistencyError).provider).toBe('shoplazza');
    expect(deleted).toBe(MAX_RESTARTS + 1);
    expect(new Set(got).size).toBe(got.length);
    const progress = getListProgress(error)!;
    // The shift may have moved unseen collections anywhere before the boundary: resume from the walk's start.
    expect(progress).toEqual({
      provider: 'shoplazza',
      yielded: got.length,
      resumeCursor: { provider: 'shoplazza', page: 1, pageSize: 10 },
    });
    churning = false;
    const resumed = (
      await collect(client.list({ provider: 'shoplazza' }, { resumeFrom: progress.resumeCursor }))
    ).map((c) => c.id);
    const still = original.slice(deleted).map((item) => item.id);
    expect(resumed).toEqual(still);
  });

  it("a failed probe is the listing's failure: typed, with progress at the page it guards", async () => {
    const server = fakeShoplazza(shoplazzaItems(45), {
      onRequest: (_index, url) =>
        wire(url) === '20/1'
          ? Response.json({ errors: ['Too many'] }, { status: 429, headers: { 'retry-after': '999' } })
          : undefined,
    });
    const client = clientFor({ shoplazza: server });
    const got: string[] = [];
    const error = await (async () => {
      for await (const c of client.list({ pageSize: 10 })) got.push(c.id);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(getListProgress(error)).toEqual({
      provider: 'shoplazza',
      yielded: 20,
      resumeCursor: { provider: 'shoplazza', page: 3, pageSize: 10 },
    });
    for await (const c of client.list(
      { provider: 'shoplazza' },
      { resumeFrom: getListProgress(error)!.resumeCursor },
    ))
      got.push(c.id);
    expect(got).toEqual(server.items.map((item) => item.id));
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
