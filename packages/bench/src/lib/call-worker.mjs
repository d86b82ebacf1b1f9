// The measuring worker of B2, B3 and the breakdown: one variant per worker thread, so each variant has its own
// heap. Its garbage, and the FinalizationRegistry callbacks undici registers for every Request that follows a
// signal, are then collected on its own time, never during another variant's sample.
// workerData: { source, name, baseUrl }; `source` is the URL of a module exporting makeCall(name, baseUrl).
// The parent sends { calls, concurrency } and gets back { wallMs, cpuMs } (cpuMs is the process's CPU: the parent
// and the other workers are idle while one samples). The parent ends it with worker.terminate().
import { parentPort, workerData } from 'node:worker_threads';
import { timeCallsCpu } from './measure.mjs';

const { makeCall } = await import(workerData.source);
const call = await makeCall(workerData.name, workerData.baseUrl);
parentPort.on('message', async ({ calls, concurrency }) => {
  parentPort.postMessage(await timeCallsCpu(call, calls, concurrency));
});
// The first call pays for connections and lazy loading (Node's first fetch: 15–17 ms).
await call();
parentPort.postMessage('ready');
