import { describe, expect, it } from 'vitest';
import { ConsistencyError, getListProgress } from '../../src/index';
import { MIN_REMEMBERED_IDS, pagesToKeep, RecentIds } from '../../src/recent-ids';
import { clientFor, collect } from './clients';
import { fakeHighLevel, fakeShoplazza, highLevelItems, shoplazzaItems } from './fake-servers';

/**
 * A listing remembers the ids of its last few pages, not all of them (memory flat in N, packages/bench B6). A
 * shift is re-read from a little before where the walk got to — not from the start — and a shift larger than
 * what it remembers is reported (ConsistencyError, resume from the start), never guessed at.
 */
/**
 * Lists at pageSize 10 until the listing fails; expects the "shift larger than the window" ConsistencyError with
 * nothing yielded twice, then resumes from its progress and returns where that was and what the resume yielded.
 */
async function expectWindowOverflow(client: ReturnType<typeof clientFor>) {
  const first: string[] = [];
  const error = await (async () => {
    for await (const c of client.list({ pageSize: 10 })) first.push(c.id);
  })().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ConsistencyError);
  expect((error as Error).message).toContain('met none of the 10 pages last read');
  expect(new Set(first).size).toBe(first.length);
  const { resumeCursor } = getListProgress(error)!;
  const resumed: string[] = [];
  for await (const c of client.list({ pageSize: 10 }, { resumeFrom: resumeCursor })) resumed.push(c.id);
  return { resumeCursor, resumed };
}

describe('RecentIds', () => {
  it('keeps one page more than is in flight, and at least MIN_REMEMBERED_IDS ids', () => {
    expect(pagesToKeep(4, 100)).toBe(5);
    expect(pagesToKeep(1, 100)).toBe(2);
    expect(pagesToKeep(1, 10)).toBe(MIN_REMEMBERED_IDS / 10);
    expect(pagesToKeep(1, 1)).toBe(MIN_REMEMBERED_IDS);
    expect(pagesToKeep(16, 250)).toBe(17);
  });

  it('remembers at most `pagesKept` pages of a walk however long it runs', () => {
    const recent = new RecentIds(3);
    // Plain counters, one expect at the end: 100 000 expect() calls took seconds on a busy machine.
    let refused = 0;
    let largestWalk = 0;
    for (let page = 0; page < 1_000; page++) {
      for (let index = 0; index < 100; index++) if (!recent.admit(`id-${page}-${index}`)) refused++;
      recent.endPage();
      largestWalk = Math.max(largestWalk, recent.walkSize);
    }
    expect({ refused, largestWalk }).toEqual({ refused: 0, largestWalk: 300 });
    expect(recent.walkPages).toBe(3);
    expect(recent.complete).toBe(false);
    // Repeats within the window are dropped; a forgotten id would be admitted again (a walk never re-reads it).
    expect(recent.admit('id-999-5')).toBe(false);
    expect(recent.admit('id-0-0')).toBe(true);
  });

  it('an anchored re-read skips everything up to the first remembered id, then admits only new ids', () => {
    const recent = new RecentIds(2);
    for (const id of ['a', 'b', 'c']) recent.admit(id);
    recent.endPage();
    recent.startWalk(true);
    expect(['x', 'y', 'b', 'c', 'new', 'a'].map((id) => recent.admit(id))).toEqual([
      false, // before the anchor: yielded before, or inserted during the listing
      false,
      false, // the anchor
      false, // remembered
      true,
      false,
    ]);
    recent.endPage();
    expect(recent.anchorLost(true)).toBe(false);
  });

  it('a re-read gives up after `pagesKept + 2` pages without a remembered id, or at the end of the list', () => {
    const recent = new RecentIds(2);
    recent.admit('a');
    recent.endPage();
    recent.startWalk(true);
    for (const page of [1, 2, 3, 4]) {
      expect(recent.admit(`x${page}`)).toBe(false); // skipped: it may be an item a shift hid, so never "done"
      recent.endPage();
      expect(recent.anchorLost(false)).toBe(page === 4);
      expect(recent.anchorLost(true)).toBe(true);
    }
  });

  it('insertions push the anchor right: found on a later page of the re-read', () => {
    const recent = new RecentIds(2);
    recent.admit('a');
    recent.endPage();
    recent.startWalk(true);
    expect([recent.admit('new-1'), recent.admit('new-2')]).toEqual([false, false]);
    recent.endPage();
    expect(recent.anchorLost(false)).toBe(false);
    expect([recent.admit('a'), recent.admit('b')]).toEqual([false, true]);
    recent.endPage();
    expect(recent.anchorLost(true)).toBe(false);
  });
});

describe('HighLevel: shifts deep into a long listing', () => {
  // pageSize 10 remembers 10 pages (at least 100 ids). Requests: offset 0 (10 items), then 9, 18, 27, … (one
  // item of overlap, 9 new items per page).
  const deleteBeforeRequest = (index: number, position: number, count: number) =>
    fakeHighLevel(highLevelItems(1000), {
      onRequest: (requestIndex, _url, items) => {
        if (requestIndex === index) items.splice(position, count);
        return undefined;
      },
    });

  it('a deletion is re-read from just before what it remembers, not from the start: every survivor once, in order', async () => {
    const server = deleteBeforeRequest(30, 50, 1);
    // The deleted collection was yielded before it went (offset 50 < 270).
    const expected = server.items.map((item) => item._id);
    const client = clientFor({ highlevel: server }, { concurrency: 1 });
    const ids = (await collect(client.list({ pageSize: 10 }))).map((c) => c.id);
    expect(ids).toEqual(expected);
    const offsets = server.calls.map((url) => Number(url.searchParams.get('offset')));
    // Request 30 (offset 270) finds the overlap moved; the walk remembers offsets 181–270 (10 pages of 9 new
    // ids), and the re-read starts one page before those: offset 171.
    expect(offsets.slice(29, 33)).toEqual([261, 270, 171, 180]);
    expect(offsets.indexOf(0, 1)).toBe(-1);
  });

  it('a shift larger than what it remembers: ConsistencyError, resume from the start, and the resume misses nothing', async () => {
    const server = deleteBeforeRequest(30, 40, 150);
    const survivors = server.items.filter((_, index) => index < 40 || index >= 190).map((item) => item._id);
    const client = clientFor({ highlevel: server }, { concurrency: 1 });
    const { resumeCursor, resumed } = await expectWindowOverflow(client);
    expect(resumeCursor).toEqual({ provider: 'highlevel', offset: 0 });
    expect(resumed).toEqual(survivors);
  });
});

describe('Shoplazza: shifts deep into a long listing', () => {
  /** `page/limit` of a request. */
  const wire = (url: URL) => `${url.searchParams.get('page')}/${url.searchParams.get('limit')}`;
  // pageSize 10 remembers 10 pages (at least 100 ids). Requests: 1/10, then page p and the probe of page p−1's
  // end: p/10, (p−1)·10/1. Page 32 is request 61.
  const deleteBeforeRequest = (index: number, position: number, count: number) =>
    fakeShoplazza(shoplazzaItems(1000), {
      onRequest: (requestIndex, _url, items) => {
        if (requestIndex === index) items.splice(position, count);
        return undefined;
      },
    });

  it('a deletion is re-read from just before what it remembers, not from the start: every survivor once, in order', async () => {
    const server = deleteBeforeRequest(61, 50, 1);
    // The deleted collection was yielded before it went (page 6 < page 32).
    const expected = server.items.map((item) => item.id);
    const ids = (await collect(clientFor({ shoplazza: server }).list({ pageSize: 10 }))).map((c) => c.id);
    expect(ids).toEqual(expected);
    const calls = server.calls.map(wire);
    // The walk remembers pages 22–31; the re-read starts one page before those.
    expect(calls.slice(61, 65)).toEqual(['32/10', '310/1', '21/10', '22/10']);
    expect(calls.indexOf('1/10', 1)).toBe(-1);
  });

  it('a shift larger than what it remembers: ConsistencyError, resume from the start, and the resume misses nothing', async () => {
    const server = deleteBeforeRequest(61, 40, 150);
    const survivors = server.items.filter((_, index) => index < 40 || index >= 190).map((item) => item.id);
    const { resumeCursor, resumed } = await expectWindowOverflow(clientFor({ shoplazza: server }));
    expect(resumeCursor).toEqual({ provider: 'shoplazza', page: 1, pageSize: 10 });
    expect(resumed).toEqual(survivors);
  });
});
