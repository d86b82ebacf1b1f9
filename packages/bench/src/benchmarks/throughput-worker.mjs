// B2/B3's measuring worker: one variant per worker thread, so each variant has its own heap. Its garbage, and the
// FinalizationRegistry callbacks undici registers for every Request that follows a signal, are then collected on
// its own time, never during another variant's sample. The parent sends { calls, concurrency } and gets back
// { wallMs, cpuMs } (cpuMs is the process's CPU: the parent and the other workers are idle while one samples).
// The parent ends it with worker.terminate(): nothing here needs flushing.
import { parentPort, workerData } from 'node:worker_threads';
import { loadLibraries, pageVariants } from '../lib/clients.mjs';
import { timeCallsCpu } from '../lib/measure.mjs';

const libs = await loadLibraries();
const variant = pageVariants(libs, { baseUrl: workerData.baseUrl, limit: 10 }).find(
  (candidate) => candidate.name === workerData.name,
);
parentPort.on('message', async ({ calls, concurrency }) => {
  parentPort.postMessage(await timeCallsCpu(variant.call, calls, concurrency));
});
// The first call pays for connections and lazy loading (Node's first fetch: 15–17 ms).
await variant.call();
parentPort.postMessage('ready');
