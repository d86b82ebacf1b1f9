import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HighLevelCollection, ShoplazzaCollection } from '../../src/index';
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

  // Each page after the first starts one item early and must begin with the previous page's last item, so any
  // shift across a boundary is seen, whatever mix of insertions and deletions caused it (even one that leaves
  // `total` unchanged). Each change costs at most one re-read, so up to MAX_RESTARTS changes always succeed. Lists
  // up to 300 long, changed up to request 60: the listing has often forgotten its first pages (it remembers at
  // least 100 ids), so re-reads from just before what it remembers are exercised, not only re-reads from the start.
  it(`up to ${MAX_RESTARTS} insertions or deletions mid-listing: no duplicate, no survivor missed`, {
    timeout: 30_000,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 6 }),
        fc.uniqueArray(
          fc.record({
            atRequest: fc.integer({ min: 1, max: 60 }),
            inserts: fc.nat({ max: 2 }),
            deletes: fc.nat({ max: 2 }),
            position: fc.nat(),
          }),
          { maxLength: MAX_RESTARTS, selector: (m) => m.atRequest },
        ),
        async (size, pageSize, concurrency, mutations) => {
          let inserted = 0;
          const server = fakeHighLevel(highLevelItems(size), {
            onRequest: (index, _url, items) => {
              for (const m of mutations) {
                if (m.atRequest !== index) continue;
                for (let d = 0; d < m.deletes && items.length > 0; d++) {
                  items.splice((m.position + d * 7) % items.length, 1);
                }
                for (let i = 0; i < m.inserts; i++) {
                  const at = (m.position + i * 13) % (items.length + 1);
                  items.splice(at, 0, { _id: `new-${inserted++}`, name: 'New' } as HighLevelCollection);
                }
              }
              return undefined;
            },
          });
          const client = clientFor({ highlevel: server }, { concurrency });
          const ids = (await collect(client.list({ pageSize }))).map((c) => c.id);
          expect(new Set(ids).size).toBe(ids.length);
          for (const survivor of server.items) {
            if (!survivor._id.startsWith('new-')) expect(ids).toContain(survivor._id);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  // Shoplazza: each boundary is probed after the next page. The listing remembers two pages of ids, re-reads from
  // three pages back and looks for an anchor over four, so shifts of a few items at a time are always healed,
  // whatever the page size (the bounded-memory design; pagination-bounded-memory.test.ts covers larger shifts).
  it(`Shoplazza: up to ${MAX_RESTARTS} insertions or deletions mid-listing: no duplicate, no survivor missed`, {
    timeout: 30_000,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 30 }),
        fc.uniqueArray(
          fc.record({
            atRequest: fc.integer({ min: 1, max: 60 }),
            inserts: fc.nat({ max: 2 }),
            deletes: fc.nat({ max: 2 }),
            position: fc.nat(),
          }),
          { maxLength: MAX_RESTARTS, selector: (m) => m.atRequest },
        ),
        async (size, pageSize, mutations) => {
          let inserted = 0;
          const server = fakeShoplazza(shoplazzaItems(size), {
            onRequest: (index, _url, items) => {
              for (const m of mutations) {
                if (m.atRequest !== index) continue;
                for (let d = 0; d < m.deletes && items.length > 0; d++) {
                  items.splice((m.position + d * 7) % items.length, 1);
                }
                for (let i = 0; i < m.inserts; i++) {
                  const at = (m.position + i * 13) % (items.length + 1);
                  items.splice(at, 0, {
                    id: `new-${inserted++}`,
                    title: 'New',
                    handle: 'new',
                  } as ShoplazzaCollection);
                }
              }
              return undefined;
            },
          });
          const client = clientFor({ shoplazza: server });
          const ids = (await collect(client.list({ pageSize }))).map((c) => c.id);
          expect(new Set(ids).size).toBe(ids.length);
          for (const survivor of server.items) {
            if (!survivor.id.startsWith('new-')) expect(ids).toContain(survivor.id);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
