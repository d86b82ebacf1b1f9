// B4 — list 1,000 HighLevel collections, 100 per page (P = 10 pages), with 25 ms of server latency, against the
// contract's HighLevel sandbox in a child process (rate limiting off there and in our clients: B5 measures
// pacing). Model: d·(1 + ⌈(P − 1)/c⌉), where d is one page's time measured in the same run (raw fetch, one
// 100-item page): the first page says `total`, then the other P − 1 go c at a time.

import { createFacade, HEADERS, officialClient, pagePath, pageQuery } from '../lib/clients.mjs';
import { LOCATION_ID, TOKEN } from '../lib/data.mjs';
import { startSandbox } from '../lib/fixture.mjs';
import { interleave, median, rows } from '../lib/measure.mjs';
import { check, medianOf, ratio } from '../lib/result.mjs';

export const id = 'B4';
export const title = 'List 1,000 HighLevel collections (100 per page, 25 ms latency)';

const TOTAL = 1000;
const PAGE = 100;
const LATENCY = 25;

export async function run({ libs, rounds }) {
  const sandbox = await startSandbox('highlevel', {
    collections: TOTAL,
    latencyMs: LATENCY,
    rateLimit: false,
    locationId: LOCATION_ID,
    token: TOKEN,
  });
  try {
    const baseUrl = sandbox.url;
    const expect = (n, name) => {
      if (n !== TOTAL) throw new Error(`${name} listed ${n} collections, expected ${TOTAL}`);
    };
    const rawPage = (offset) =>
      fetch(baseUrl + pagePath(PAGE, offset), { headers: HEADERS }).then((r) => {
        if (!r.ok) throw new Error(`raw fetch: HTTP ${r.status}`);
        return r.json();
      });
    const variants = [
      { name: 'd: raw fetch, one 100-item page', run: async () => (await rawPage(0)).data.length, pages: 1 },
      {
        name: 'raw fetch, hand-written loop, one page at a time',
        run: async () => {
          let n = 0;
          for (let offset = 0; ; offset += PAGE) {
            const page = await rawPage(offset);
            n += page.data.length;
            if (offset + PAGE >= page.total) return n;
          }
        },
      },
      {
        name: 'raw fetch, hand-written, 4 in flight',
        run: async () => {
          const first = await rawPage(0);
          let n = first.data.length;
          let next = PAGE;
          const worker = async () => {
            while (next < first.total) {
              const offset = next;
              next += PAGE;
              const page = await rawPage(offset);
              n += page.data.length;
            }
          };
          await Promise.all([worker(), worker(), worker(), worker()]);
          return n;
        },
      },
    ];
    if (!libs.highlevel.unavailable) {
      const client = libs.highlevel.createHighLevelClient({
        token: TOKEN,
        locationId: LOCATION_ID,
        baseUrl,
        rateLimit: false,
      });
      variants.push({
        name: 'highlevel.listCollections, hand-written loop',
        run: async () => {
          let n = 0;
          for (let offset = 0; ; offset += PAGE) {
            const page = await client.listCollections({ limit: PAGE, offset });
            n += page.data.length;
            if (offset + PAGE >= page.total) return n;
          }
        },
      });
    }
    const unavailable = [];
    for (const concurrency of [1, 4]) {
      const facade = createFacade(libs, { baseUrl, rateLimit: false, concurrency });
      const name = `facade list (for await), concurrency ${concurrency}${concurrency === 4 ? ' (default)' : ''}`;
      if (facade.unavailable) {
        unavailable.push({ name, unavailable: facade.unavailable });
        continue;
      }
      variants.push({
        name,
        run: async () => {
          let n = 0;
          for await (const _ of facade.client.list({ provider: 'highlevel', pageSize: PAGE })) n++;
          return n;
        },
      });
    }
    if (!libs.official.unavailable) {
      const ghl = officialClient(libs.official, baseUrl);
      variants.push({
        name: '@gohighlevel/api-client, hand-written loop',
        run: async () => {
          let n = 0;
          for (let offset = 0; ; offset += PAGE) {
            const page = await ghl.products.getProductCollection(pageQuery(PAGE, offset));
            n += page.data.length;
            if (offset + PAGE >= page.total) return n;
          }
        },
      });
    }
    const figures = await interleave(variants, {
      rounds,
      warmup: 1,
      sample: async (variant) => {
        const started = performance.now();
        const n = await variant.run();
        const elapsed = performance.now() - started;
        if (!variant.pages) expect(n, variant.name);
        return elapsed;
      },
    });
    const group = { name: `${TOTAL} collections, ${PAGE} per page`, variants: rows(figures) };
    const d = medianOf(group, 'd: raw fetch, one 100-item page');
    const P = TOTAL / PAGE;
    const model = (c) => d * (1 + Math.ceil((P - 1) / c));
    const facade4 = medianOf(group, 'facade list (for await), concurrency 4 (default)');
    const facade1 = medianOf(group, 'facade list (for await), concurrency 1');
    const official = medianOf(group, '@gohighlevel/api-client, hand-written loop');
    // Per-round ratios too, so the spread is visible.
    const perRound = (a, b) => figures.get(a)?.map((x, i) => figures.get(b)[i] / x);
    const speedups = perRound(
      'facade list (for await), concurrency 4 (default)',
      'facade list (for await), concurrency 1',
    );
    return {
      id,
      title,
      unit: 'ms',
      fixture: `contract HighLevel sandbox (${sandbox.via}), ${TOTAL} collections, latencyMs ${LATENCY}, rateLimit false`,
      groups: [group],
      unavailable,
      notes: [
        `d (one page, measured) = ${d.toFixed(1)} ms; model at c = 4: d·(1+⌈9/4⌉) = 4d = ${model(4).toFixed(1)} ms; at c = 1: 10d = ${model(1).toFixed(1)} ms.`,
        speedups
          ? `c=1 / c=4 per round: ${speedups.map((x) => x.toFixed(2)).join(', ')} (median ${median(speedups).toFixed(2)}).`
          : '',
      ].filter(Boolean),
      checks: [
        check('facade c=4 / model 4d', ratio(facade4, model(4)), '<=', 1.2, '≤ 1.2×'),
        check('facade c=1 / facade c=4 (speed-up)', ratio(facade1, facade4), '>=', 2.3, '≥ 2.3×'),
        check(
          'official SDK loop / facade c=4 (speed-up)',
          ratio(official, facade4),
          '>=',
          1,
          '> 1× (faster)',
        ),
        check('facade c=1 / model 10d', ratio(facade1, model(1)), '<=', 1.2, '≤ 1.2×', 'informative'),
      ],
    };
  } finally {
    await sandbox.close();
  }
}
