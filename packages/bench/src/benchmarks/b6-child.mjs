// B6's measuring child: streams N collections through the facade (`for await`) from the fixture server and
// reports the peak live heap: every 2,000 items a full GC, then heapUsed minus the baseline taken the same way
// before the first request (what the listing retains, not garbage awaiting collection). Also the peak RSS
// growth, sampled every 100 items. Run with --expose-gc.
// argv: <baseUrl> <N> <variant: facade|client|raw>
import { createFacade, HEADERS, loadLibraries, pagePath } from '../lib/clients.mjs';
import { LOCATION_ID, TOKEN } from '../lib/data.mjs';

const [baseUrl, count, variant] = [process.argv[2], Number(process.argv[3]), process.argv[4] ?? 'facade'];
const libs = await loadLibraries();
globalThis.gc();
const base = process.memoryUsage();
let peakHeap = 0;
let peakRss = 0;
let n = 0;
const sample = () => {
  if (n % 2000 === 0) {
    globalThis.gc();
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed - base.heapUsed);
  }
  peakRss = Math.max(peakRss, process.memoryUsage().rss - base.rss);
};
const started = performance.now();
if (variant === 'facade') {
  const facade = createFacade(libs, { baseUrl, rateLimit: false });
  if (facade.unavailable) throw new Error(facade.unavailable);
  for await (const item of facade.client.list({ provider: 'highlevel', pageSize: 100 })) {
    if (typeof item.id !== 'string') throw new Error('bad item');
    if (++n % 100 === 0) sample();
  }
} else if (variant === 'raw') {
  for (let offset = 0; ; offset += 100) {
    const response = await fetch(baseUrl + pagePath(100, offset), { headers: HEADERS });
    const page = await response.json();
    for (let i = 0; i < page.data.length; i++) if (++n % 100 === 0) sample();
    if (offset + 100 >= page.total) break;
  }
} else {
  const client = libs.highlevel.createHighLevelClient({
    token: TOKEN,
    locationId: LOCATION_ID,
    baseUrl,
    rateLimit: false,
  });
  for (let offset = 0; ; offset += 100) {
    const page = await client.listCollections({ limit: 100, offset });
    for (let i = 0; i < page.data.length; i++) if (++n % 100 === 0) sample();
    if (offset + 100 >= page.total) break;
  }
}
const elapsed = performance.now() - started;
if (n !== count) throw new Error(`listed ${n}, expected ${count}`);
process.stdout.write(
  JSON.stringify({ n, peakHeapMB: peakHeap / 2 ** 20, peakRssMB: peakRss / 2 ** 20, elapsedMs: elapsed }),
);
