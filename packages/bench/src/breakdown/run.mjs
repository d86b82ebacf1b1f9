#!/usr/bin/env node
// Where B2's gap comes from: the layers between openapi-fetch and the facade (layers.mjs), each in its own
// worker, against the bench fixture server, in rounds shuffled like B2's. Prints each layer's median time per
// request and the median per-round ratio to the layer before it and to openapi-fetch. Informative, not a budget.
// Usage: node src/breakdown/run.mjs [--concurrency 32] [--rounds 61] [--calls 320]
import { parseArgs } from 'node:util';
import { startCallWorker } from '../lib/call-workers.mjs';
import { startFixtureServer } from '../lib/fixture.mjs';
import { interleave, median } from '../lib/measure.mjs';
import { LAYERS } from './layers.mjs';

const { values } = parseArgs({
  options: {
    concurrency: { type: 'string', default: '32' },
    rounds: { type: 'string', default: '61' },
    calls: { type: 'string', default: '320' },
  },
});
const concurrency = Number(values.concurrency);
const calls = Number(values.calls);

const server = await startFixtureServer({ mode: 'fixed', fixedLimit: 10 });
const layers = [];
try {
  const source = new URL('./layers.mjs', import.meta.url);
  for (const name of Object.keys(LAYERS)) layers.push(await startCallWorker(source, name, server.url));
  const figures = await interleave(layers, {
    rounds: Number(values.rounds),
    sample: async (layer) => ((await layer.sample(calls, concurrency)).wallMs * 1000) / calls,
  });
  const names = Object.keys(LAYERS);
  const ratio = (name, base) => median(figures.get(name).map((value, i) => value / figures.get(base)[i]));
  console.log(
    `${calls} calls per round, ${concurrency} in flight, ${values.rounds} rounds (Node ${process.version})`,
  );
  console.log('| layer | µs/request | / layer before | / openapi-fetch |\n|---|---:|---:|---:|');
  names.forEach((name, i) => {
    const before = i === 0 ? '' : ratio(name, names[i - 1]).toFixed(3);
    const total = ratio(name, names[0]).toFixed(3);
    console.log(`| ${LAYERS[name]} | ${median(figures.get(name)).toFixed(1)} | ${before} | ${total} |`);
  });
} finally {
  await Promise.all(layers.map((layer) => layer.close()));
  await server.close();
}
