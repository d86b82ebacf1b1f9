// The benchmarks' own loopback fixture server, run in a child process (see lib/fixture.mjs): node:http with
// keep-alive, no validation, no dataset in memory. It answers
//   GET /products/collections?offset&limit           HighLevel `{ data, total }`
//   GET /openapi/2022-01/collections?page&limit       Shoplazza `{ collections }`
// In `fixed` mode every request gets the same pre-serialized page (the raw-throughput rows: the server's own
// CPU per request is a Buffer write); in `paged` mode pages are generated from the query (cached by key).
// Options come as JSON in argv[2]: { mode, latencyMs, total, fixedLimit }. Prints { url } on stdout.
import { createServer } from 'node:http';
import { HIGHLEVEL_PATH, highLevelPage, SHOPLAZZA_PATH, shoplazzaPage } from './lib/data.mjs';

const options = {
  mode: 'fixed',
  latencyMs: 0,
  total: 1000,
  fixedLimit: 10,
  ...JSON.parse(process.argv[2] ?? '{}'),
};
const headers = (length) => ({
  'content-type': 'application/json; charset=utf-8',
  'content-length': String(length),
});
const fixed = {
  [HIGHLEVEL_PATH]: Buffer.from(JSON.stringify(highLevelPage(0, options.fixedLimit, options.total))),
  [SHOPLAZZA_PATH]: Buffer.from(JSON.stringify(shoplazzaPage(1, options.fixedLimit, options.total))),
};
const cache = new Map();
let requests = 0;

function pagedBody(path, query) {
  const key = `${path}?${query}`;
  let body = cache.get(key);
  if (body) return body;
  const params = new URLSearchParams(query);
  const limit = Number(params.get('limit') ?? 10);
  const page =
    path === HIGHLEVEL_PATH
      ? highLevelPage(Number(params.get('offset') ?? 0), limit, options.total)
      : shoplazzaPage(Number(params.get('page') ?? 1), limit, options.total);
  body = Buffer.from(JSON.stringify(page));
  if (cache.size < 2000) cache.set(key, body);
  return body;
}

function answer(request, response) {
  requests++;
  const url = request.url ?? '/';
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  if (path !== HIGHLEVEL_PATH && path !== SHOPLAZZA_PATH) {
    response.writeHead(404, headers(2)).end('{}');
    return;
  }
  const body = options.mode === 'fixed' ? fixed[path] : pagedBody(path, q === -1 ? '' : url.slice(q + 1));
  response.writeHead(200, headers(body.length));
  response.end(body);
}

const server = createServer({ keepAliveTimeout: 120_000 }, (request, response) => {
  request.resume();
  if (options.latencyMs > 0) setTimeout(answer, options.latencyMs, request, response);
  else answer(request, response);
});
server.headersTimeout = 130_000;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}` })}\n`);
});
process.on('message', (message) => {
  if (message === 'stats') process.send?.({ requests });
});
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
process.on('disconnect', () => process.exit(0));
