import type { CollectionsPage } from '@commerce-collections/sdk';
import { describe, expect, it } from 'vitest';
import { collectionsCountingPages } from '../../src/list-command';
import { createProgress, progressText } from '../../src/progress';
import { createStats, recordAttempt } from '../../src/stats';
import { summaryLine } from '../../src/summary';

function statsOf(pages: [number, number], items: [number, number]) {
  const stats = createStats();
  stats.highlevel.pages = pages[0];
  stats.shoplazza.pages = pages[1];
  stats.highlevel.items = items[0];
  stats.shoplazza.items = items[1];
  return stats;
}

describe('summaryLine', () => {
  it('both providers', () => {
    expect(
      summaryLine(statsOf([3, 2], [240, 180]), ['highlevel', 'shoplazza'], 1_940, { kind: 'complete' }),
    ).toBe('240 HighLevel + 180 Shoplazza collections, 3 + 2 pages, 1.9 s');
  });

  it('one provider, singular', () => {
    expect(summaryLine(statsOf([1, 0], [1, 0]), ['highlevel'], 120, { kind: 'complete' })).toBe(
      '1 HighLevel collection, 1 page, 0.1 s',
    );
  });

  it('says why it stopped, and mentions rate-limit waiting', () => {
    const stats = statsOf([1, 0], [5, 0]);
    stats.shoplazza.waitMs = 1_500;
    expect(summaryLine(stats, ['highlevel', 'shoplazza'], 2_000, { kind: 'max', max: 5 })).toBe(
      '5 HighLevel + 0 Shoplazza collections, 1 + 0 pages, 2.0 s, 1.5 s of it waiting on rate limits (stopped at --max 5)',
    );
    expect(summaryLine(statsOf([2, 0], [20, 0]), ['highlevel'], 300, { kind: 'interrupted' })).toBe(
      'Interrupted after 20 HighLevel collections, 2 pages, 0.3 s',
    );
  });
});

describe('recordAttempt', () => {
  it('counts rate-limit waits and pending retries from attempts, never pages', () => {
    const stats = createStats();
    recordAttempt(stats, { provider: 'shoplazza', status: 200, rateLimitWaitMs: 400 });
    recordAttempt(stats, { provider: 'shoplazza', status: 429, rateLimitWaitMs: 0, retryInMs: 1000 });
    expect(stats.shoplazza).toEqual({ items: 0, pages: 0, waitMs: 1400, pending: '429, retrying in 1.0 s' });
    recordAttempt(stats, { provider: 'shoplazza', status: 200, rateLimitWaitMs: 0 });
    expect(stats.shoplazza.pending).toBeUndefined();
    expect(stats.shoplazza.pages).toBe(0); // a request is not a page (probes, retries)
  });

  it('counts pages as the SDK hands them out, and stops when the reader leaves', async () => {
    const stats = createStats();
    const page = (provider: 'highlevel' | 'shoplazza', ids: string[]) =>
      ({ provider, items: ids.map((id) => ({ provider, id })) }) as unknown as CollectionsPage;
    let handedOut = 0;
    async function* pages() {
      for (const p of [
        page('highlevel', ['a', 'b']),
        page('highlevel', ['c']),
        page('shoplazza', ['d', 'e']),
      ]) {
        handedOut++;
        yield p;
      }
    }
    const ids: string[] = [];
    for await (const collection of collectionsCountingPages(pages(), stats)) ids.push(collection.id);
    expect(ids).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect([stats.highlevel.pages, stats.shoplazza.pages]).toEqual([2, 1]);

    const early = createStats();
    handedOut = 0;
    for await (const _ of collectionsCountingPages(pages(), early)) break;
    expect(handedOut).toBe(1);
    expect(early.highlevel.pages).toBe(1);
  });
});

describe('progress', () => {
  it('draws nothing when stderr is not a terminal', () => {
    const writes: string[] = [];
    const progress = createProgress({ isTTY: false, write: (t) => writes.push(t) }, createStats(), [
      'highlevel',
    ]);
    progress.update(true);
    progress.clear();
    expect(writes).toEqual([]);
  });

  it('on a terminal, redraws one line (throttled unless forced) and erases it', () => {
    const writes: string[] = [];
    let time = 0;
    const stats = createStats();
    const progress = createProgress(
      { isTTY: true, columns: 200, write: (t) => writes.push(t) },
      stats,
      ['highlevel', 'shoplazza'],
      { now: () => time, intervalMs: 100 },
    );
    stats.highlevel.pages = 1;
    stats.highlevel.items = 100;
    progress.update();
    time = 50;
    progress.update();
    expect(writes).toHaveLength(1);
    progress.update(true);
    expect(writes).toHaveLength(2);
    expect(writes[0]).toBe('\r\x1b[2KHighLevel: 1 page, 100 items  ·  Shoplazza: 0 pages, 0 items');
    progress.clear();
    expect(writes[2]).toBe('\r\x1b[2K');
  });

  it('shows rate-limit waits and pending retries', () => {
    const stats = createStats();
    stats.shoplazza.waitMs = 2_000;
    stats.shoplazza.pending = '429, retrying in 1.0 s';
    expect(progressText(stats, ['shoplazza'])).toBe(
      'Shoplazza: 0 pages, 0 items, 2.0 s rate-limit wait, 429, retrying in 1.0 s',
    );
  });
});
