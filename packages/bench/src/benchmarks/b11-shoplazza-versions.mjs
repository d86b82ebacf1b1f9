// B11 — one Shoplazza store of 1,000 collections listed in full on both API versions, in one run, against the
// contract sandbox with its leaky bucket enforced (2 requests per second, time-scaled ×0.2: one request per
// 100 ms; at ×0.05 a 50-item page's own latency on a busy 2-core machine exceeded the 25 ms spacing, so the
// figure measured the machine, not the pacing). Our client gets the same scaled limit. 2022-01 verifies every page boundary (one probe per page after the first,
// and an empty page confirming the end), so it runs at about half the limit in pages per second; 2025-06
// follows the server's cursor, one request per page. Rate in pages per second over the listing's requests:
// (pages − 1) / (last request start − first request start), which leaves out the free first slot of the bucket.

import { SHOP, TOKEN } from '../lib/data.mjs';
import { startSandbox } from '../lib/fixture.mjs';
import { check } from '../lib/result.mjs';

export const id = 'B11';
export const title = 'Shoplazza 2022-01 vs 2025-06: list 1,000 collections at the enforced limit (×0.2)';

const SCALE = 0.2;
const COLLECTIONS = 1000;
const PAGE_SIZE = 50;
const LIMIT_PER_SECOND = 2 / SCALE;

async function listAll(libs, apiVersion) {
  const sandbox = await startSandbox('shoplazza', {
    collections: COLLECTIONS,
    token: TOKEN,
    shop: SHOP,
    rateLimit: { limit: 2, intervalMs: 1000 },
    timeScale: SCALE,
  });
  try {
    const starts = [];
    const statuses = {};
    const hooks = {
      onAttempt(event) {
        starts.push(performance.now() - event.durationMs);
        const key = event.status ?? event.error;
        statuses[key] = (statuses[key] ?? 0) + 1;
      },
    };
    const facade = libs.sdk.createCollectionsClient({
      shoplazza: {
        token: TOKEN,
        shop: SHOP,
        baseUrl: sandbox.url,
        apiVersion,
        rateLimit: { ratePerSecond: LIMIT_PER_SECOND },
        hooks,
      },
    });
    const ids = new Set();
    let pages = 0;
    let items = 0;
    const started = performance.now();
    for await (const page of facade.listPages({ provider: 'shoplazza', pageSize: PAGE_SIZE })) {
      pages++;
      items += page.items.length;
      for (const item of page.items) ids.add(item.id);
    }
    const elapsedMs = performance.now() - started;
    starts.sort((a, b) => a - b);
    const spanSeconds = (starts[starts.length - 1] - starts[0]) / 1000;
    const pagesPerSecond = (pages - 1) / spanSeconds;
    return {
      sandbox: sandbox.via,
      items,
      unique: ids.size,
      pages,
      requests: starts.length,
      statuses,
      elapsedMs,
      pagesPerSecond,
      rateRatio: pagesPerSecond / LIMIT_PER_SECOND,
    };
  } finally {
    await sandbox.close();
  }
}

export async function run({ libs }) {
  if (libs.sdk.unavailable) throw new Error(libs.sdk.unavailable);
  // 2025-06 first, then 2022-01: each version gets a fresh sandbox, so neither inherits the other's bucket.
  const runs = [
    ['2025-06 (cursor)', await listAll(libs, '2025-06')],
    ['2022-01 (page numbers, verified)', await listAll(libs, '2022-01')],
  ];
  const checks = [];
  const notes = [];
  for (const [name, r] of runs) {
    checks.push(
      check(`${name}: collections listed once each`, r.unique, '>=', COLLECTIONS, `${COLLECTIONS}`),
    );
    checks.push(check(`${name}: items yielded`, r.items, '<=', COLLECTIONS, `${COLLECTIONS}, no repeat`));
    checks.push(check(`${name}: 429 responses`, r.statuses[429] ?? 0, '<=', 0, '0'));
    notes.push(
      `${name} (${r.sandbox}): ${r.items} collections in ${r.pages} pages and ${r.requests} requests, ` +
        `${r.elapsedMs.toFixed(0)} ms; statuses ${JSON.stringify(r.statuses)}; ` +
        `${r.pagesPerSecond.toFixed(1)} pages/s = ${r.rateRatio.toFixed(3)}× the limit (${LIMIT_PER_SECOND}/s scaled).`,
    );
  }
  const [v2025, v2022] = runs.map(([, r]) => r);
  checks.push(check('2025-06: pages per second / limit', v2025.rateRatio, '>=', 0.95, '≥ 0.95×'));
  checks.push(check('2025-06: requests per page', v2025.requests / v2025.pages, '<=', 1, '1 (no probes)'));
  // 2022-01 as today: a probe per page boundary, so about half the limit in pages.
  checks.push(check('2022-01: pages per second / limit', v2022.rateRatio, '>=', 0.45, '≥ 0.45× (probes)'));
  return {
    id,
    title,
    unit: '',
    fixture: `contract sandbox in a child process, ${COLLECTIONS} collections, leaky bucket enforced, timeScale ${SCALE}`,
    groups: [],
    notes,
    checks,
    runs: Object.fromEntries(runs),
  };
}
