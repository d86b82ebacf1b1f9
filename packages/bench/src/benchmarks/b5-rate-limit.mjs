// B5 — rate-limit pacing against the contract sandboxes' enforced limits, time-scaled so a run takes seconds:
// HighLevel's sliding window (100 requests per 10 s) and Shoplazza's leaky bucket (2 per second), both with
// `timeScale` 0.05 (100 per 500 ms; 2 per 50 ms). Our clients are given the same scaled limits. The facade lists
// with pageSize 1 so that every collection is one request; every attempt is seen through `hooks.onAttempt`.
// Sustained rate: requests started in the whole windows after the first one — [t0 + W, t0 + (m + 1)·W) with
// m = ⌊(last start − t0) / W⌋ − 1 — divided by m·limit. The first window (where a burst of `limit` is allowed)
// is left out, so a client that bursts then waits and one that spreads its requests both score ≈ 1.0× at the
// limit.

import { LOCATION_ID, SHOP, TOKEN } from '../lib/data.mjs';
import { startSandbox } from '../lib/fixture.mjs';
import { check } from '../lib/result.mjs';

export const id = 'B5';
export const title = 'Rate-limit pacing against the sandboxes (time-scaled ×0.05)';

const SCALE = 0.05;

async function pace(libs, provider, { collections, limit, intervalMs, clientRateLimit, concurrency }) {
  const sandbox = await startSandbox(provider, {
    collections,
    token: TOKEN,
    ...(provider === 'highlevel' ? { locationId: LOCATION_ID } : { shop: SHOP }),
    rateLimit: { limit, intervalMs },
    timeScale: SCALE,
  });
  try {
    const starts = [];
    const statuses = new Map();
    const hooks = {
      onAttempt(event) {
        starts.push(performance.now() - event.durationMs);
        statuses.set(event.status ?? event.error, (statuses.get(event.status ?? event.error) ?? 0) + 1);
      },
    };
    const block = { token: TOKEN, baseUrl: sandbox.url, rateLimit: clientRateLimit, hooks };
    if (provider === 'highlevel') block.locationId = LOCATION_ID;
    else block.shop = SHOP;
    const facade = libs.sdk.createCollectionsClient({ [provider]: block, concurrency });
    let n = 0;
    const started = performance.now();
    for await (const _ of facade.list({ provider, pageSize: 1 })) n++;
    const elapsed = performance.now() - started;
    starts.sort((a, b) => a - b);
    const scaledInterval = intervalMs * SCALE;
    const t0 = starts[0];
    const windows = Math.max(1, Math.floor((starts[starts.length - 1] - t0) / scaledInterval) - 1);
    const inWindows = starts.filter(
      (t) => t >= t0 + scaledInterval && t < t0 + (windows + 1) * scaledInterval,
    ).length;
    return {
      sandbox: sandbox.via,
      collections: n,
      attempts: starts.length,
      statuses: Object.fromEntries(statuses),
      elapsedMs: elapsed,
      sustained: inWindows / (windows * limit),
      windows,
      scaledLimit: `${limit} per ${scaledInterval} ms`,
    };
  } finally {
    await sandbox.close();
  }
}

export async function run({ libs }) {
  if (libs.sdk.unavailable) throw new Error(libs.sdk.unavailable);
  const runs = [
    [
      'HighLevel sliding window',
      await pace(libs, 'highlevel', {
        collections: 400,
        limit: 100,
        intervalMs: 10_000,
        clientRateLimit: { limit: 100, intervalMs: 10_000 * SCALE },
        concurrency: 4,
      }),
    ],
    [
      'Shoplazza leaky bucket',
      await pace(libs, 'shoplazza', {
        collections: 100,
        limit: 2,
        intervalMs: 1000,
        clientRateLimit: { ratePerSecond: 2 / SCALE },
        concurrency: 4,
      }),
    ],
  ];
  const checks = [];
  const notes = [];
  for (const [name, r] of runs) {
    const tooMany = r.statuses[429] ?? 0;
    checks.push(check(`${name}: 429 responses`, tooMany, '<=', 0, '0'));
    checks.push(check(`${name}: sustained rate / limit`, r.sustained, '>=', 0.9, '≥ 0.9×'));
    notes.push(
      `${name} (${r.scaledLimit}, ${r.sandbox}): ${r.collections} collections in ${r.attempts} attempts, ` +
        `${r.elapsedMs.toFixed(0)} ms; statuses ${JSON.stringify(r.statuses)}; sustained ${r.sustained.toFixed(3)}× the limit over ${r.windows} whole windows after the first.`,
    );
  }
  return {
    id,
    title,
    unit: '',
    fixture: 'contract sandboxes in child processes, rate limits enforced, timeScale 0.05',
    groups: [],
    notes,
    checks,
    runs: Object.fromEntries(runs),
  };
}
