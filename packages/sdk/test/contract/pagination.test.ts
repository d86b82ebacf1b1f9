import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, type Harness, startHarness } from './harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness(1000);
});
afterAll(async () => {
  await harness?.close();
});

// Sizes around the page boundaries × page sizes. Small page sizes skip the large sets: hundreds of requests
// through the proxy would teach nothing the boundary cases do not, and the suite has to stay quick.
const SIZES = [0, 1, 2, 99, 100, 101, 250, 1000];
const PAGE_SIZES = [1, 7, 10, 100];
const MAX_REQUESTS = 40;
const cases = SIZES.flatMap((size) =>
  PAGE_SIZES.filter((pageSize) => size / pageSize <= MAX_REQUESTS || pageSize === 10).map(
    (pageSize) => [size, pageSize] as const,
  ),
);

describe('exactly-once pagination through the validating proxy', () => {
  it.each(cases)('HighLevel: %i collections at pageSize %i', async (size, pageSize) => {
    harness.reset({ highlevel: size });
    const expected = harness.highlevel.sandbox.dataset.items.map((item) => item._id);
    const ids = (await collect(harness.client().list({ provider: 'highlevel', pageSize }))).map((c) => c.id);
    expect(ids).toEqual(expected);
    const log = harness.highlevel.sandbox.requestLog;
    // The first page brings pageSize items, later ones max(2, pageSize) − 1: they start one item early to
    // check that nothing shifted across the boundary.
    const requests = size <= pageSize ? 1 : 1 + Math.ceil((size - pageSize) / (Math.max(2, pageSize) - 1));
    expect(log).toHaveLength(requests);
    expect(log.every((entry) => entry.status === 200)).toBe(true);
  });

  it.each(cases)('Shoplazza: %i collections at pageSize %i', async (size, pageSize) => {
    harness.reset({ shoplazza: size });
    const expected = harness.shoplazza.sandbox.dataset.items.map((record) => record.collection.id);
    const ids = (await collect(harness.client().list({ provider: 'shoplazza', pageSize }))).map((c) => c.id);
    expect(ids).toEqual(expected);
    const log = harness.shoplazza.sandbox.requestLog;
    // Pages until a short one, then the empty page that confirms it was the last (none after a full last page:
    // the next page is the empty one anyway); each page after the first is followed by a one-item probe of the
    // boundary.
    expect(log).toHaveLength(2 * (Math.floor(size / pageSize) + 1) - 1 + (size % pageSize > 0 ? 1 : 0));
    expect(log.every((entry) => entry.status === 200)).toBe(true);
  });

  it('both providers in one listing, HighLevel first, mapped to the shared model', async () => {
    harness.reset({ highlevel: 120, shoplazza: 130 });
    const items = await collect(harness.client().list());
    expect(items.filter((c) => c.provider === 'highlevel')).toHaveLength(120);
    expect(items.filter((c) => c.provider === 'shoplazza')).toHaveLength(130);
    expect(items.findIndex((c) => c.provider === 'shoplazza')).toBe(120);
    for (const item of items) {
      expect(item.id.length).toBeGreaterThan(0);
      expect(item.handle.length).toBeGreaterThan(0);
      if (item.imageUrl !== undefined) expect(item.imageUrl).toMatch(/^https:\/\//);
      if (item.provider === 'shoplazza') {
        expect(item.id).toBe(item.raw.id);
        expect(item.seo?.keywords.every((k) => k === k.trim() && k.length > 0)).toBe(true);
      } else {
        expect(item.id).toBe(item.raw._id);
      }
    }
  });
});
