import type { HighLevelCollection } from '@commerce-collections/contract';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConsistencyError, getListProgress } from '../../src/index';
import { MAX_RESTARTS } from '../../src/pager';
import { collect, type Harness, LOCATION, startHarness } from './harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness(120);
});
afterAll(async () => {
  await harness?.close();
});
beforeEach(() => harness.reset());

const newCollection = (id: string): HighLevelCollection => ({
  _id: id,
  altId: LOCATION,
  name: `Inserted ${id}`,
  slug: id,
  image: `https://storage.example/${id}.png`,
  seo: { title: id, description: id },
  createdAt: '2024-05-01T00:00:00.000Z',
});

describe('HighLevel offset shifting while paginating', () => {
  it('an insertion at the front: re-read, every collection once, nothing duplicated', async () => {
    const before = harness.highlevel.sandbox.dataset.items.map((item) => item._id);
    harness.faults.highlevel = (context) =>
      context.requestIndex === 2
        ? { insert: newCollection('aaaaaaaaaaaaaaaaaaaaaaaa'), index: 0 }
        : undefined;
    const ids = (
      await collect(harness.client({ concurrency: 2 }).list({ provider: 'highlevel', pageSize: 10 }))
    ).map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of before) expect(ids).toContain(id);
    expect(ids).toContain('aaaaaaaaaaaaaaaaaaaaaaaa');
  });

  it('a deletion of already-listed collections: no survivor is skipped', async () => {
    const items = harness.highlevel.sandbox.dataset.items;
    const doomed = items.slice(0, 5).map((item) => item._id);
    harness.faults.highlevel = (context) => (context.requestIndex === 3 ? { remove: doomed } : undefined);
    const ids = (
      await collect(harness.client({ concurrency: 2 }).list({ provider: 'highlevel', pageSize: 10 }))
    ).map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const survivor of harness.highlevel.sandbox.dataset.items) expect(ids).toContain(survivor._id);
  });

  it(`data that keeps shifting: ConsistencyError with progress after ${MAX_RESTARTS} re-reads`, async () => {
    let n = 0;
    harness.faults.highlevel = (context) =>
      context.requestIndex > 0
        ? { insert: newCollection(`b${String(n++).padStart(23, '0')}`), index: 0 }
        : undefined;
    const error = await collect(
      harness.client({ concurrency: 1 }).list({ provider: 'highlevel', pageSize: 30 }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConsistencyError);
    expect(error).toMatchObject({ provider: 'highlevel', operation: 'list' });
    expect(getListProgress(error)?.provider).toBe('highlevel');
  });
});
