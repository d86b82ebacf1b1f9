// B3 — the same page with 5 ms of server latency, sequentially: what a user feels when the network dominates.

import { OPENAPI_FETCH_WITH_TIMEOUT } from '../lib/clients.mjs';
import { check, roundRatio } from '../lib/result.mjs';
import { runThroughput } from './b2-throughput.mjs';

export const id = 'B3';
export const title = 'One page with 5 ms server latency (sequential)';

export async function run({ libs, rounds, quick }) {
  const result = await runThroughput({
    libs,
    // The 5 ms sleep jitters by about a millisecond, a fifth of a call: enough rounds for the ratio to settle.
    rounds: Math.max(rounds, 21),
    latencyMs: 5,
    modes: [{ name: 'sequential, 5 ms latency', calls: quick ? 30 : 80, concurrency: 1 }],
  });
  const group = result.groups[0];
  const checks = [
    check('facade / raw fetch', roundRatio(group, 'facade listPage', 'raw fetch'), '<=', 1.02, '≤ 1.02×'),
    check(
      'facade / openapi-fetch + 30 s timeout signal',
      roundRatio(group, 'facade listPage', OPENAPI_FETCH_WITH_TIMEOUT),
      '<=',
      1.01,
      '≤ 1.01×',
      'informative: every facade call carries a per-attempt timeout (this baseline pays one signal follow more)',
    ),
    check(
      'openapi-fetch / raw fetch',
      roundRatio(group, 'openapi-fetch', 'raw fetch'),
      '<=',
      1.01,
      '≤ 1.01×',
      'informative: the floor any openapi-fetch client starts from',
    ),
    check(
      'client / raw fetch',
      roundRatio(group, 'highlevel.listCollections', 'raw fetch'),
      '<=',
      1.01,
      '≤ 1.01×',
      'informative',
    ),
  ];
  const { cpuGroups: _cpu, ...rest } = result;
  return { id, title, unit: 'ms/call', ...rest, groups: result.groups.map(toMs), checks };
}

// B3's figures read better in milliseconds; the ratios are unit-free.
function toMs(group) {
  return {
    ...group,
    variants: group.variants.map((v) => ({
      ...v,
      rounds: v.rounds.map((x) => x / 1000),
      median: v.median / 1000,
    })),
  };
}
