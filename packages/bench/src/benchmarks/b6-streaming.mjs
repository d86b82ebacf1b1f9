// B6 — streaming 10,000 / 50,000 / 100,000 collections with `for await` (facade, pageSize 100, concurrency 4)
// from the fixture server (paged mode, no latency). Each N runs in a fresh child process with --expose-gc; the
// figure is the peak live heap (after a full GC every 2,000 items) over the baseline. Flat in N means the 100k
// peak is within 1.25× the 10k peak (what is held should be the pages in flight: ≤ 4 pages of 100, not N).
// The highlevel client's own loop (nothing kept between pages) is the reference row.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startFixtureServer } from '../lib/fixture.mjs';
import { median } from '../lib/measure.mjs';
import { check } from '../lib/result.mjs';

export const id = 'B6';
export const title = 'Streaming N collections with for await: peak heap';

const run1 = promisify(execFile);
const child = fileURLToPath(new URL('./b6-child.mjs', import.meta.url));

export async function run({ quick }) {
  const sizes = quick ? [1_000, 10_000] : [10_000, 50_000, 100_000];
  const server = await startFixtureServer({ mode: 'paged', total: Math.max(...sizes) });
  try {
    const variants = [];
    const samples = 2;
    const NAMES = {
      facade: 'facade list',
      client: 'highlevel.listCollections loop',
      raw: 'raw fetch loop (reference)',
    };
    for (const kind of ['facade', 'client', 'raw']) {
      // The loops are references: their smallest and largest N are enough.
      for (const n of kind === 'facade' ? sizes : [sizes[0], sizes.at(-1)]) {
        const heap = [];
        const rss = [];
        const time = [];
        for (let i = 0; i < samples; i++) {
          // A fresh fixture per size would be fairer to the server cache, but the cache only holds 2,000 pages.
          const server2 =
            n === Math.max(...sizes) ? server : await startFixtureServer({ mode: 'paged', total: n });
          try {
            const { stdout } = await run1(process.execPath, [
              '--expose-gc',
              child,
              server2.url,
              String(n),
              kind,
            ]);
            const r = JSON.parse(stdout);
            heap.push(r.peakHeapMB);
            rss.push(r.peakRssMB);
            time.push(r.elapsedMs);
          } finally {
            if (server2 !== server) await server2.close();
          }
        }
        variants.push({
          name: `${NAMES[kind]}, N = ${n.toLocaleString('en')}`,
          rounds: heap,
          median: median(heap),
          note: `rss growth ${median(rss).toFixed(1)} MB, ${(median(time) / 1000).toFixed(2)} s`,
          kind,
          n,
        });
      }
    }
    const facade = variants.filter((v) => v.kind === 'facade');
    const growth = facade.at(-1).median / facade[0].median;
    // Bytes retained per extra item between the smallest and the largest N: "flat" means no more than what
    // Node's fetch itself retains (the raw fetch loop), which is not zero.
    const slope = (kind) => {
      const list = variants.filter((v) => v.kind === kind);
      return ((list.at(-1).median - list[0].median) * 2 ** 20) / (list.at(-1).n - list[0].n);
    };
    const extraPerItem = slope('facade') - slope('raw');
    return {
      id,
      title,
      unit: 'MB live heap',
      fixture: 'bench fixture server (child process, paged mode, no latency)',
      groups: [{ name: 'peak live heap growth', variants }],
      notes: [
        ...variants.map((v) => `${v.name}: ${v.note}`),
        `retained per extra item: facade ${slope('facade').toFixed(1)} B, client loop ${slope('client').toFixed(1)} B, raw fetch loop ${slope('raw').toFixed(1)} B.`,
      ],
      checks: [
        check(
          `facade peak heap, N = ${sizes.at(-1).toLocaleString('en')} / N = ${sizes[0].toLocaleString('en')}`,
          growth,
          '<=',
          1.25,
          '≤ 1.25× (flat)',
          "informative: Node's fetch alone grows too; see the next line",
        ),
        check(
          'facade bytes retained per item, beyond the raw fetch loop',
          extraPerItem,
          '<=',
          8,
          '≤ 8 B/item (flat)',
        ),
      ],
    };
  } finally {
    await server.close();
  }
}
