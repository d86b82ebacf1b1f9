import { once } from 'node:events';
import { Worker } from 'node:worker_threads';

/**
 * Starts call-worker.mjs for variant `name` of `source` (a module exporting makeCall(name, baseUrl)) and waits
 * until its first call is done. `sample(calls, concurrency)` resolves with { wallMs, cpuMs }.
 */
export async function startCallWorker(source, name, baseUrl) {
  const worker = new Worker(new URL('./call-worker.mjs', import.meta.url), {
    workerData: { source: String(source), name, baseUrl },
  });
  // `once` rejects when the worker emits 'error' (a failed call, an import that throws), so nothing waits forever.
  await once(worker, 'message');
  return {
    name,
    sample: async (calls, concurrency) => {
      worker.postMessage({ calls, concurrency });
      const [figures] = await once(worker, 'message');
      return figures;
    },
    close: () => worker.terminate(),
  };
}
