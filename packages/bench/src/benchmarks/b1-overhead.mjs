// B1 — per-call CPU overhead with a mocked transport: every variant's fetch is the same function returning a
// prebuilt Response (a fresh Response over the same bytes per call, since a body is read once), so what is timed
// is the library's own work: URL/query building, Request construction, headers, transport, body read, parse,
// validation and mapping. The official SDK runs with an axios adapter that returns the same parsed page.

import { OPENAPI_FETCH_TIMEOUT_ON_FETCH, OPENAPI_FETCH_WITH_TIMEOUT, pageVariants } from '../lib/clients.mjs';
import { highLevelPage } from '../lib/data.mjs';
import { interleave, median, rows, timeCallsCpu } from '../lib/measure.mjs';
import { check, medianOf } from '../lib/result.mjs';

export const id = 'B1';
export const title = 'Per-call CPU overhead, mocked transport';

export async function run({ libs, rounds, quick }) {
  const limit = 10;
  const bodyText = JSON.stringify(highLevelPage(0, limit, 1000));
  const headers = {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(bodyText)),
  };
  const mockFetch = async () => new Response(bodyText, { status: 200, headers });
  const axiosAdapter = async (config) => ({
    data: JSON.parse(bodyText),
    status: 200,
    statusText: 'OK',
    headers,
    config,
    request: {},
  });
  const all = pageVariants(libs, { baseUrl: 'http://127.0.0.1:9', limit, fetch: mockFetch, axiosAdapter });
  const variants = all.filter((variant) => variant.call);
  const calls = quick ? 1_000 : 4_000;
  const wall = new Map(variants.map((v) => [v.name, []]));
  const figures = await interleave(variants, {
    rounds: Math.max(rounds, 7),
    warmup: 2,
    sample: async (variant) => {
      const { wallMs, cpuMs } = await timeCallsCpu(variant.call, calls);
      wall.get(variant.name).push((wallMs * 1000) / calls);
      return (cpuMs * 1000) / calls;
    },
  });
  const group = { name: `CPU time, ${calls} sequential calls per round`, variants: rows(figures) };
  const openapi = medianOf(group, 'openapi-fetch');
  const checks = [];
  for (const name of ['facade listPage', 'highlevel.listCollections']) {
    const value = medianOf(group, name);
    checks.push(
      check(
        `${name} − openapi-fetch`,
        value === undefined ? undefined : value - openapi,
        '<=',
        5,
        '≤ +5 µs/call',
        'informative: CPU per call, since the thin-facade redesign (#12) budgets B2 and B3 instead',
      ),
    );
  }
  const withTimeout = medianOf(group, OPENAPI_FETCH_WITH_TIMEOUT);
  const facade = medianOf(group, 'facade listPage');
  checks.push(
    check(
      'facade listPage − (openapi-fetch + 30 s timeout signal)',
      facade === undefined || withTimeout === undefined ? undefined : facade - withTimeout,
      '<=',
      5,
      '≤ +5 µs/call',
      'informative: every facade call carries a per-attempt timeout (this baseline pays one signal follow more)',
    ),
  );
  const onFetch = medianOf(group, OPENAPI_FETCH_TIMEOUT_ON_FETCH);
  checks.push(
    check(
      'facade listPage − (openapi-fetch + 30 s timeout signal on fetch)',
      facade === undefined || onFetch === undefined ? undefined : facade - onFetch,
      '<=',
      5,
      '≤ +5 µs/call',
      'informative: like for like, the signal passed to fetch only, as the facade passes it',
    ),
  );
  checks.push(
    check(
      '(openapi-fetch + 30 s timeout signal) − openapi-fetch',
      withTimeout === undefined || openapi === undefined ? undefined : withTimeout - openapi,
      '<=',
      5,
      '≤ +5 µs/call',
      'informative: what giving openapi-fetch a signal costs (undici follows it in the Request built with it)',
    ),
  );
  return {
    id,
    title,
    unit: 'µs CPU/call',
    notes: [
      'CPU time of the benchmark process (process.cpuUsage), not wall time: the machine is shared, and a mocked call never waits.',
      ...[...wall].map(
        ([name, list]) => `${name}: wall ${median(list.slice(2)).toFixed(1)} µs/call (median)`,
      ),
    ],
    fixture: 'none: injected fetch returning a prebuilt Response (10 HighLevel collections, 2.9 kB)',
    groups: [group],
    unavailable: all
      .filter((variant) => variant.unavailable)
      .map(({ name, unavailable }) => ({ name, unavailable })),
    checks,
  };
}
