// B2 — loopback throughput: one page (10 HighLevel collections, 2.9 kB) from the benchmarks' own fixture server
// in a child process (fixed pre-serialized body, keep-alive), sequentially and with 32 calls in flight.
// Our clients run with `rateLimit: false` (the throughput rows measure the client, not the pacing).
import { interleave, rows, timeCalls } from '../lib/measure.mjs';
import { check, medianOf, ratio } from '../lib/result.mjs';
import { pageVariants } from '../lib/clients.mjs';
import { startFixtureServer } from '../lib/fixture.mjs';

export const id = 'B2';
export const title = 'Loopback throughput, sequential and 32 concurrent';

export async function runThroughput({ libs, rounds, latencyMs, modes }) {
  const server = await startFixtureServer({ mode: 'fixed', fixedLimit: 10, latencyMs });
  try {
    const all = pageVariants(libs, { baseUrl: server.url, limit: 10 });
    const variants = all.filter((variant) => variant.call);
    // Each variant's first call pays for connections and lazy loading (Node's first fetch: 15–17 ms).
    for (const variant of variants) await variant.call();
    const groups = [];
    for (const { name, calls, concurrency } of modes) {
      const figures = await interleave(variants, {
        rounds,
        warmup: 1,
        sample: async (variant) => ((await timeCalls(variant.call, calls, concurrency)) * 1000) / calls,
      });
      groups.push({ name, concurrency, calls, variants: rows(figures) });
    }
    for (const variant of variants) variant.close?.();
    return {
      groups,
      unavailable: all.filter((variant) => variant.unavailable).map(({ name, unavailable }) => ({ name, unavailable })),
      fixture: `bench fixture server (child process, node:http keep-alive, fixed 2.9 kB page${latencyMs ? `, ${latencyMs} ms latency` : ''})`,
    };
  } finally {
    await server.close();
  }
}

export async function run({ libs, rounds, quick }) {
  const scale = quick ? 0.25 : 1;
  const result = await runThroughput({
    libs,
    rounds,
    latencyMs: 0,
    modes: [
      { name: 'sequential', calls: Math.round(1500 * scale), concurrency: 1 },
      { name: '32 concurrent', calls: Math.round(4000 * scale), concurrency: 32 },
    ],
  });
  const checks = [];
  for (const group of result.groups) {
    const facade = medianOf(group, 'facade listPage');
    const client = medianOf(group, 'highlevel.listCollections');
    const openapi = medianOf(group, 'openapi-fetch');
    const raw = medianOf(group, 'raw fetch');
    const rawLimit = group.concurrency === 1 ? 1.12 : 1.25;
    checks.push(check(`facade / openapi-fetch (${group.name})`, ratio(facade, openapi), '<=', 1.03, '≤ 1.03×'));
    checks.push(check(`facade / raw fetch (${group.name})`, ratio(facade, raw), '<=', rawLimit, `≤ ${rawLimit}×`));
    checks.push(check(`client / openapi-fetch (${group.name})`, ratio(client, openapi), '<=', 1.03, '≤ 1.03×', 'informative'));
  }
  return { id, title, unit: 'µs/call (wall, per request)', ...result, checks };
}
