// breakdown.mjs's measuring worker: one layer per worker thread (its own heap, as in B2). The parent sends
// { calls, concurrency } and gets back { wallMs, cpuMs }; it ends the worker with worker.terminate().
import { parentPort, workerData } from 'node:worker_threads';
import { timeCallsCpu } from '../lib/measure.mjs';
import { layerCall } from './layers.mjs';

const call = await layerCall(workerData.name, workerData.baseUrl);
parentPort.on('message', async ({ calls, concurrency }) => {
  parentPort.postMessage(await timeCallsCpu(call, calls, concurrency));
});
await call(); // connections and lazy loading (Node's first fetch) before the first sample
parentPort.postMessage('ready');
