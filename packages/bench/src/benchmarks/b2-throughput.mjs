// B2 — loopback throughput: one page (10 HighLevel collections, 2.9 kB) from the benchmarks' own fixture server
// in a child process (fixed pre-serialized body, keep-alive), sequentially and with 32 calls in flight.
// Our clients run with `rateLimit: false` (the throughput rows measure the client, not the pacing).
// Each variant runs in its own worker thread (lib/call-worker.mjs): one heap per variant, so the garbage and
// finalizer work a variant leaves behind is collected on its own time, not during the next variant's sample. With
// one shared heap and 13 long rotated rounds, the facade's ratio swung from 1.00 to 1.20 between runs of the same
// code.

import { startCallWorker } from '../lib/call-workers.mjs';
import { OPENAPI_FETCH_TIMEOUT_ON_FETCH, OPENAPI_FETCH_WITH_TIMEOUT, pageVariants } from '../lib/clients.mjs';
import { startFixtureServer } from '../lib/fixture.mjs';
import { interleave, rows } from '../lib/measure.mjs';
import { check, roundRatio } from '../lib/result.mjs';

export const id = 'B2';
export const title = 'Loopback throughput, sequential and 32 concurrent';

const CLIENTS = new URL('../lib/clients.mjs', import.meta.url);

export async function runThroughput({ libs, rounds, latencyMs, modes }) {
  const server = await startFixtureServer({ mode: 'fixed', fixedLimit: 10, latencyMs });
  const variants = [];
  try {
    // Names and availability from this thread's libraries; the calls run in the workers.
    const all = pageVariants(libs, { baseUrl: server.url, limit: 10 });
    for (const { name } of all.filter((variant) => variant.call))
      variants.push(await startCallWorker(CLIENTS, name, server.url));
    for (const variant of all) variant.close?.();
    const groups = [];
    const cpuGroups = [];
    for (const { name, calls, concurrency } of modes) {
      const cpu = new Map(variants.map((v) => [v.name, []]));
      const figures = await interleave(variants, {
        rounds,
        warmup: 1,
        sample: async (variant) => {
          const { wallMs, cpuMs } = await variant.sample(calls, concurrency);
          cpu.get(variant.name).push((cpuMs * 1000) / calls);
          return (wallMs * 1000) / calls;
        },
      });
      for (const list of cpu.values()) list.shift(); // the warm-up sample
      groups.push({ name, concurrency, calls, variants: rows(figures) });
      cpuGroups.push({ name: `${name}, client CPU`, concurrency, calls, cpu: true, variants: rows(cpu) });
    }
    return {
      groups,
      cpuGroups,
      unavailable: all
        .filter((variant) => variant.unavailable)
        .map(({ name, unavailable }) => ({ name, unavailable })),
      fixture: `bench fixture server (child process, node:http keep-alive, fixed 2.9 kB page${latencyMs ? `, ${latencyMs} ms latency` : ''}); each variant in its own worker thread`,
    };
  } finally {
    await Promise.all(variants.map((variant) => variant.close()));
    await server.close();
  }
}

export async function run({ libs, rounds, quick }) {
  const scale = quick ? 0.25 : 1;
  const result = await runThroughput({
    libs,
    // Many short rounds rather than a few long ones (about the same calls in all): its ratios sit within a few %
    // of 1, and the machine drifts by more than that within a second; a short round pairs the variants closely.
    rounds: Math.max(rounds, 61),
    latencyMs: 0,
    modes: [
      { name: 'sequential', calls: Math.round(100 * scale), concurrency: 1 },
      { name: '32 concurrent', calls: Math.round(320 * scale), concurrency: 32 },
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
        'informative: every facade call carries a per-attempt timeout (this baseline pays one signal follow more)',
      ),
    );
    checks.push(
      check(
        `facade / openapi-fetch + 30 s timeout signal on fetch (${group.name})`,
        roundRatio(group, F, OPENAPI_FETCH_TIMEOUT_ON_FETCH),
        '<=',
        1.05,
        '≤ 1.05×',
        'informative: like for like, the signal passed to fetch only, as the facade passes it',
      ),
    );
    checks.push(
      check(
        `openapi-fetch + 30 s timeout signal on fetch / openapi-fetch (${group.name})`,
        roundRatio(group, OPENAPI_FETCH_TIMEOUT_ON_FETCH, 'openapi-fetch'),
        '<=',
        1.05,
        '≤ 1.05×',
        'informative: what a per-call timeout costs when passed to fetch only',
      ),
    );
    checks.push(
      check(
        `openapi-fetch + 30 s timeout signal / openapi-fetch (${group.name})`,
        roundRatio(group, OPENAPI_FETCH_WITH_TIMEOUT, 'openapi-fetch'),
        '<=',
        1.05,
        '≤ 1.05×',
        'informative: what giving openapi-fetch a signal costs (undici follows it in two Requests; the facade, in one)',
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
