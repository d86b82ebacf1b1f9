// Every way of making "one HighLevel list-collections call" that the benchmarks compare, built once against a
// base URL. Our packages are imported from their built dist (turbo's `bench` depends on `^build`); a package
// that is missing or not built yet makes its rows "unavailable" instead of crashing the run.
import http from 'node:http';
import { HIGHLEVEL_PATH, HIGHLEVEL_VERSION, LOCATION_ID, TOKEN } from './data.mjs';

/** @param {string} specifier */
export async function tryImport(specifier) {
  try {
    return await import(specifier);
  } catch (error) {
    return { unavailable: `${specifier}: ${String(error?.message ?? error).split('\n')[0]}` };
  }
}

export const HEADERS = {
  Accept: 'application/json',
  Version: HIGHLEVEL_VERSION,
  Authorization: `Bearer ${TOKEN}`,
};

/** The query every variant sends, in the same order: `limit`, `offset`, `altId`, `altType`. */
export function pageQuery(limit, offset = 0) {
  return { limit, offset, altId: LOCATION_ID, altType: 'location' };
}
export function pagePath(limit, offset = 0) {
  return `${HIGHLEVEL_PATH}?limit=${limit}&offset=${offset}&altId=${LOCATION_ID}&altType=location`;
}

/** GET + JSON over node:http with a keep-alive agent: the floor. */
export function nodeHttpGetter(baseUrl, maxSockets = 64) {
  const { hostname, port } = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const get = (path) =>
    new Promise((resolve, reject) => {
      const request = http.get({ host: hostname, port, path, agent, headers: HEADERS }, (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
          } catch (error) {
            reject(error);
          }
        });
        response.on('error', reject);
      });
      request.on('error', reject);
    });
  return { get, close: () => agent.destroy() };
}

/**
 * Loads every client library once. Returns the modules (or `{ unavailable }`).
 */
export async function loadLibraries() {
  const [openapiFetch, highlevel, sdk, official] = await Promise.all([
    tryImport('openapi-fetch'),
    tryImport('@commerce-collections/highlevel'),
    tryImport('@commerce-collections/sdk'),
    tryImport('@gohighlevel/api-client'),
  ]);
  return { openapiFetch, highlevel, sdk, official };
}

/** openapi-fetch with a per-call timeout signal: the fair baseline for a client that always has one. */
export const OPENAPI_FETCH_WITH_TIMEOUT = 'openapi-fetch + 30 s timeout signal';
export const OPENAPI_FETCH_TIMEOUT_ON_FETCH = 'openapi-fetch + 30 s timeout signal on fetch';

/**
 * Builds the "one page" variants against `baseUrl`. `fetch` (optional) is injected where the library allows
 * it (B1's mocked transport). The throughput rows disable our clients' rate limiter (`rateLimit: false`) and
 * keep retries and the per-attempt timeout at their defaults (they cost nothing unless they fire).
 *
 * @param {Awaited<ReturnType<typeof loadLibraries>>} libs
 * @param {{ baseUrl: string, limit: number, fetch?: typeof fetch, include?: string[] }} options
 * @returns {{ name: string, call?: () => Promise<unknown>, unavailable?: string, close?: () => void }[]}
 */
export function pageVariants(libs, { baseUrl, limit, fetch: injected, axiosAdapter }) {
  const fetchImpl = injected ?? ((...args) => globalThis.fetch(...args));
  const url = baseUrl + pagePath(limit);
  const query = pageQuery(limit);
  const variants = [];

  if (!injected) {
    const node = nodeHttpGetter(baseUrl);
    const path = pagePath(limit);
    variants.push({ name: 'node:http keep-alive (floor)', call: () => node.get(path), close: node.close });
  }
  variants.push({
    name: 'raw fetch',
    call: () => fetchImpl(url, { headers: HEADERS }).then((response) => response.json()),
  });

  if (libs.openapiFetch.unavailable)
    variants.push({ name: 'openapi-fetch', unavailable: libs.openapiFetch.unavailable });
  else {
    const client = libs.openapiFetch.default({ baseUrl, headers: HEADERS, fetch: injected });
    variants.push({
      name: 'openapi-fetch',
      call: async () => {
        const { data, error } = await client.GET(HIGHLEVEL_PATH, { params: { query } });
        if (error) throw new Error(`openapi-fetch: ${JSON.stringify(error)}`);
        return data;
      },
    });
    // What our clients always do and plain openapi-fetch does not: bound each call in time. Written the careful
    // way (one controller, a timer cleared at the end; AbortSignal.timeout would leave a 30 s timer per call).
    variants.push({
      name: OPENAPI_FETCH_WITH_TIMEOUT,
      call: async () => {
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), 30_000);
        try {
          const { data, error } = await client.GET(HIGHLEVEL_PATH, {
            params: { query },
            signal: controller.signal,
          });
          if (error) throw new Error(`openapi-fetch: ${JSON.stringify(error)}`);
          return data;
        } finally {
          clearTimeout(timer);
        }
      },
    });
    // The same bound passed the way our transport passes it: to fetch only, not to openapi-fetch's own Request.
    // undici follows a signal in every Request built with one, so this pays one follow, as plain openapi-fetch
    // does for its Request's own signal, where the variant above pays two. The timer is cleared at the headers.
    const timedClient = libs.openapiFetch.default({
      baseUrl,
      headers: HEADERS,
      fetch: (request) => {
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), 30_000);
        return fetchImpl(request, { signal: controller.signal }).finally(() => clearTimeout(timer));
      },
    });
    variants.push({
      name: OPENAPI_FETCH_TIMEOUT_ON_FETCH,
      call: async () => {
        const { data, error } = await timedClient.GET(HIGHLEVEL_PATH, { params: { query } });
        if (error) throw new Error(`openapi-fetch: ${JSON.stringify(error)}`);
        return data;
      },
    });
  }

  if (libs.highlevel.unavailable)
    variants.push({ name: 'highlevel.listCollections', unavailable: libs.highlevel.unavailable });
  else {
    const client = libs.highlevel.createHighLevelClient({
      token: TOKEN,
      locationId: LOCATION_ID,
      baseUrl,
      fetch: injected,
      rateLimit: false,
    });
    const params = { limit, offset: 0 };
    variants.push({ name: 'highlevel.listCollections', call: () => client.listCollections(params) });
  }

  const facade = createFacade(libs, { baseUrl, fetch: injected, rateLimit: false });
  if (facade.unavailable) variants.push({ name: 'facade listPage', unavailable: facade.unavailable });
  else {
    const pageQueryArg = { provider: 'highlevel', pageSize: limit };
    variants.push({ name: 'facade listPage', call: () => facade.client.listPage(pageQueryArg) });
  }

  if (libs.official.unavailable)
    variants.push({ name: '@gohighlevel/api-client', unavailable: libs.official.unavailable });
  else if (!injected || axiosAdapter) {
    const ghl = officialClient(libs.official, baseUrl, axiosAdapter);
    variants.push({ name: '@gohighlevel/api-client', call: () => ghl.products.getProductCollection(query) });
  }
  return variants;
}

/** HighLevel's official SDK (axios), pointed at `baseUrl`, with the Version this operation accepts. */
export function officialClient(official, baseUrl, adapter) {
  const ghl = new official.HighLevel({
    privateIntegrationToken: TOKEN,
    apiVersion: HIGHLEVEL_VERSION,
    logLevel: 'error',
  });
  const http = ghl.getHttpClient();
  http.defaults.baseURL = baseUrl;
  if (adapter) http.defaults.adapter = adapter;
  return ghl;
}

/**
 * The facade with only HighLevel configured.
 * @returns {{ client: any } | { unavailable: string }}
 */
export function createFacade(libs, { baseUrl, fetch, rateLimit = false, concurrency, hooks, retry }) {
  if (libs.sdk.unavailable) return { unavailable: libs.sdk.unavailable };
  if (typeof libs.sdk.createCollectionsClient !== 'function')
    return { unavailable: 'sdk has no createCollectionsClient' };
  const highlevel = { token: TOKEN, locationId: LOCATION_ID, baseUrl, rateLimit };
  if (fetch) highlevel.fetch = fetch;
  if (hooks) highlevel.hooks = hooks;
  if (retry !== undefined) highlevel.retry = retry;
  const options = { highlevel };
  if (concurrency !== undefined) options.concurrency = concurrency;
  try {
    return { client: libs.sdk.createCollectionsClient(options) };
  } catch (error) {
    return { unavailable: `createCollectionsClient threw: ${error?.message ?? error}` };
  }
}

/** One call of page variant `name` against `baseUrl` (10 items), for call-worker.mjs. */
export async function makeCall(name, baseUrl) {
  const variant = pageVariants(await loadLibraries(), { baseUrl, limit: 10 }).find((v) => v.name === name);
  if (!variant?.call) throw new Error(`no runnable variant ${name}`);
  return variant.call;
}
