// The layers between openapi-fetch and the facade's listPage, each one call of one HighLevel page, so that
// breakdown.mjs can say which layer B2's gap at 32 concurrent comes from. Each layer adds one thing to the one
// before it (see LAYERS); the packages come from their built dist, like the benchmarks'.
import { HEADERS, pageQuery } from '../lib/clients.mjs';
import { HIGHLEVEL_PATH, LOCATION_ID, TOKEN } from '../lib/data.mjs';

const LIMIT = 10;
const TIMEOUT_MS = 30_000;

/** openapi-fetch's `fetch` option bounded by a timer, with the init our transport passes (manual redirects). */
function timedFetch(request) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  const { method, headers, credentials } = request;
  const init = { method, headers, signal: controller.signal, redirect: 'manual', credentials };
  return fetch(request, init).finally(() => clearTimeout(timer));
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The body read the way the transport reads it (a reader loop), decoded strictly, parsed: no cap, no checks. */
async function readInline(response) {
  const reader = response.body.getReader();
  const chunks = [];
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) chunks.push(chunk.value);
  return JSON.parse(utf8.decode(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
}

export const LAYERS = {
  'openapi-fetch': 'openapi-fetch GET, its own JSON parse (B2’s baseline)',
  inline: '+ a 30 s timer and signal on fetch, the transport’s fetch init, the body read by a reader loop',
  transport: '+ runtime’s transport.send and readJsonBody instead (plan, deadline, capped read, safe JSON)',
  'provider client': '+ the provider client’s getPage (call options, auth headers), no shape check',
  client: '+ highlevel.listCollections (query validation, page shape check)',
  facade: '+ the facade’s listPage (query, adapter, Collection model, cursor)',
};

/** @returns {Promise<() => Promise<unknown>>} one call of layer `name` against `baseUrl` */
export async function makeCall(name, baseUrl) {
  const query = pageQuery(LIMIT);
  const createClient = (await import('openapi-fetch')).default;
  if (name === 'openapi-fetch' || name === 'inline') {
    const inline = name === 'inline';
    const client = createClient({ baseUrl, headers: HEADERS, ...(inline && { fetch: timedFetch }) });
    const init = { params: { query }, ...(inline && { parseAs: 'stream' }) };
    return async () => {
      const { data, error, response } = await client.GET(HIGHLEVEL_PATH, init);
      if (error) throw new Error(`${name}: ${response.status}`);
      return inline ? readInline(response) : data;
    };
  }
  const runtime = await import('@commerce-collections/runtime/internal');
  const identity = { provider: 'highlevel', label: 'HighLevel' };
  if (name === 'transport') {
    const transport = runtime.createTransport({
      ...identity,
      rateLimiter: false,
      requestIdHeader: 'x-request-id',
    });
    const call = { operation: 'listCollections', throwHttpErrors: true, bufferBody: true, signal: undefined };
    const client = createClient({ baseUrl, headers: HEADERS });
    return async () => {
      let delivery;
      const fetch = async (request) => {
        delivery = await transport.send(request, call);
        return delivery.response;
      };
      await client.GET(HIGHLEVEL_PATH, { params: { query }, parseAs: 'stream', fetch });
      return runtime.readJsonBody(
        delivery.response,
        { ...identity, operation: call.operation },
        delivery.bytes,
      );
    };
  }
  if (name === 'provider client') {
    const { Authorization: _token, ...headers } = HEADERS;
    const client = runtime.createProviderClient({
      ...identity,
      options: {},
      token: TOKEN,
      authHeader: 'Authorization',
      authScheme: 'Bearer',
      baseUrl,
      headers,
      listParam: 'collectionIds',
      rateLimiter: false,
      requestIdHeader: 'x-request-id',
      messageFields: ['message'],
    });
    const get = (typed, fetch) => typed.GET(HIGHLEVEL_PATH, { params: { query }, fetch, parseAs: 'stream' });
    return async () => (await client.getPage('listCollections', undefined, () => undefined, get)).page;
  }
  const highlevel = { token: TOKEN, locationId: LOCATION_ID, baseUrl, rateLimit: false };
  if (name === 'client') {
    const client = (await import('@commerce-collections/highlevel')).createHighLevelClient(highlevel);
    const params = { limit: LIMIT, offset: 0 };
    return () => client.listCollections(params);
  }
  if (name === 'facade') {
    const facade = (await import('@commerce-collections/sdk')).createCollectionsClient({ highlevel });
    const pageQueryArg = { provider: 'highlevel', pageSize: LIMIT };
    return () => facade.listPage(pageQueryArg);
  }
  throw new Error(`unknown layer ${name}`);
}
