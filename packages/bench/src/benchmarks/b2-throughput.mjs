// B2 — loopback throughput: one page (10 HighLevel collections, 2.9 kB) from the benchmarks' own fixture server
// in a child process (fixed pre-serialized body, keep-alive), sequentially and with 32 calls in flight.
// Our clients run with `rateLimit: false` (the throughput rows measure the client, not the pacing).

import { OPENAPI_FETCH_WITH_TIMEOUT, pageVariants } from '../lib/clients.mjs';
import { startFixtureServer } from '../lib/fixture.mjs';
import { interleave, rows, timeCallsCpu } from '../lib/measure.mjs';
import { check, roundRatio } from '../lib/result.mjs';

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
    const cpuGroups = [];
    for (const { name, calls, concurrency } of modes) {
      const cpu = new Map(variants.map((v) => [v.name, []]));
      const figures = await interleave(variants, {
        rounds,
        warmup: 1,
        sample: async (variant) => {
          const { wallMs, cpuMs } = await timeCallsCpu(variant.call, calls, concurrency);
          cpu.get(variant.name).push((cpuMs * 1000) / calls);
          return (wallMs * 1000) / calls;
        },
      });
      for (const list of cpu.values()) list.shift(); // the warm-up sample
      groups.push({ name, concurrency, calls, variants: rows(figures) });
      cpuGroups.push({ name: `${name}, client CPU`, concurrency, calls, cpu: true, variants: rows(cpu) });
    }
    for (const variant of variants) variant.close?.();
    return {
      groups,
      cpuGroups,
      unavailable: all
        .filter((variant) => variant.unavailable)
        .map(({ name, unavailable }) => ({ name, unavailable })),
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
    rounds: Math.max(rounds, 13), // more than elsewhere: its ratios sit within a few % of 1, and rounds swing ±5 % here
    latencyMs: 0,
    modes: [
      { name: 'sequential', calls: Math.round(500 * scale), concurrency: 1 },
      { name: '32 concurrent', calls: Math.round(1600 * scale), concurrency: 32 },
    ],
  });
  const checks = [];
  const F = 'facade listPage';
  for (const group of result.groups) {
    const rawLimit = group.concurrency === 1 ? 1.12 : 1.25;
    checks.push(
      check(
        `facade / openapi-fetch (${group.name})`,
        roundRatio(group, F, 'openapi-fetch'),
        '<=',
        1.05,
        '≤ 1.05×',
      ),
    );
    checks.push(
      check(
        `facade / raw fetch (${group.name})`,
        roundRatio(group, F, 'raw fetch'),
        '<=',
        rawLimit,
        `≤ ${rawLimit}×`,
        'informative: the budget is on openapi-fetch, the library every variant but raw fetch builds on',
      ),
    );
    checks.push(
      check(
        `facade / openapi-fetch + 30 s timeout signal (${group.name})`,
        roundRatio(group, F, OPENAPI_FETCH_WITH_TIMEOUT),
        '<=',
        1.05,
        '≤ 1.05×',
        'informative: like for like, since every facade call carries a per-attempt timeout',
      ),
    );
    checks.push(
      check(
        `client / openapi-fetch (${group.name})`,
        roundRatio(group, 'highlevel.listCollections', 'openapi-fetch'),
        '<=',
        1.05,
        '≤ 1.05×',
        'informative',
      ),
    );
  }
  for (const group of result.cpuGroups) {
    checks.push(
      check(
        `facade / openapi-fetch, client CPU (${group.name})`,
        roundRatio(group, F, 'openapi-fetch'),
        '<=',
        1.05,
        '≤ 1.05×',
        'informative',
      ),
    );
  }
  const { cpuGroups, ...rest } = result;
  return { id, title, unit: 'µs/request', ...rest, groups: [...result.groups, ...cpuGroups], checks };
}
