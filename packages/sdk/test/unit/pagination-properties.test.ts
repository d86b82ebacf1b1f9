import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HighLevelCollection } from '../../src/index';
import { MAX_RESTARTS } from '../../src/index';
import { clientFor, collect } from './clients';
import { fakeHighLevel, fakeShoplazza, highLevelItems, shoplazzaItems } from './fake-servers';

describe('pagination properties', () => {
  it('any size, page size and concurrency: every collection once, in order, both providers', {
    timeout: 30_000,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 16 }),
        async (hlSize, slSize, pageSize, concurrency) => {
          const highlevel = fakeHighLevel(highLevelItems(hlSize));
          const shoplazza = fakeShoplazza(shoplazzaItems(slSize));
          const client = clientFor({ highlevel, shoplazza }, { concurrency });
          const ids = (await collect(client.list({ pageSize }))).map((c) => c.id);
          expect(ids).toEqual([...highlevel.items.map((i) => i._id), ...shoplazza.items.map((i) => i.id)]);
          expect(highlevel.maxInFlight).toBeLessThanOrEqual(concurrency);
        },
      ),
      { numRuns: 60 },
    );
  });

  // Insertions and deletions of the same kind: `total` moves one way, so every change is visible. (An insertion
  // and a deletion between two pages cancel out in `total` and can go unnoticed: a documented limit.)
  it(`up to ${MAX_RESTARTS} insertions (or deletions) mid-listing: no duplicate, no survivor missed`, {
    timeout: 30_000,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 6 }),
        fc.boolean(),
        fc.uniqueArray(fc.record({ atRequest: fc.integer({ min: 1, max: 12 }), position: fc.nat() }), {
          maxLength: MAX_RESTARTS,
          selector: (m) => m.atRequest,
        }),
        async (size, pageSize, concurrency, insert, mutations) => {
          let inserted = 0;
          const server = fakeHighLevel(highLevelItems(size), {
            onRequest: (index, _url, items) => {
              for (const m of mutations) {
                if (m.atRequest !== index) continue;
                const at = m.position % (items.length + 1);
                if (insert)
                  items.splice(at, 0, { _id: `new-${inserted++}`, name: 'New' } as HighLevelCollection);
                else if (items.length > 0) items.splice(Math.min(at, items.length - 1), 1);
              }
              return undefined;
            },
          });
          const client = clientFor({ highlevel: server }, { concurrency });
          const ids = (await collect(client.list({ pageSize }))).map((c) => c.id);
          expect(new Set(ids).size).toBe(ids.length);
          for (const survivor of server.items) expect(ids).toContain(survivor._id);
        },
      ),
      { numRuns: 100 },
    );
  });
});
