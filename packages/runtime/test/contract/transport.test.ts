import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  ConnectionError,
  createLeakyBucketLimiter,
  createTransport,
  NotFoundError,
  RateLimitError,
  readJsonBody,
  TimeoutError,
} from '../../src/internal';

// Real HTTP on loopback: one node:http server, its behaviour chosen per test.
type Handler = (request: IncomingMessage, response: ServerResponse) => void;

interface Hit {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
}

let server: Server;
let origin: string;
let handlers: Handler[] = [];
let hits: Hit[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    hits.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers });
    // One connection per request: a test that resets or abandons a socket cannot leave a stale pooled one for the
    // next request (undici would fail that request with a reset that no server sent).
    response.shouldKeepAlive = false;
    const handler = handlers.shift();
    if (!handler) {
      response.writeHead(500).end('no handler');
      return;
    }
    handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  handlers = [];
  hits = [];
});

const status =
  (code: number, body: unknown, headers: Record<string, string> = {}): Handler =>
  (_request, response) => {
    const text = JSON.stringify(body);
    response.writeHead(code, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text),
      ...headers,
    });
    response.end(text);
  };

const TOKEN = 'pit-contract-token';
const call = { operation: 'listCollections', throwHttpErrors: true };

function transport(options: Partial<Parameters<typeof createTransport>[0]> = {}) {
  const delays: number[] = [];
  const instance = createTransport({
    provider: 'highlevel',
    authenticate: (headers) => headers.set('Authorization', `Bearer ${TOKEN}`),
    sleep: async (ms) => {
      delays.push(ms); // recorded, not slept: the retries still go over the wire
    },
    random: () => 0.5,
    ...options,
  });
  return { instance, delays };
}

describe('transport over real HTTP', () => {
  it('retries real 503s, then returns the 200, sending the same bytes each time', async () => {
    handlers = [
      status(503, { message: 'busy' }),
      status(503, { message: 'busy' }),
      status(200, { collections: [] }),
    ];
    const { instance, delays } = transport();
    const { response, attempts } = await instance.send(
      new Request(`${origin}/products/collections?locationId=loc1&limit=10`, {
        headers: { Version: '2021-07-28' },
      }),
      call,
    );
    expect(await readJsonBody(response, { provider: 'highlevel', operation: 'listCollections' })).toEqual({
      collections: [],
    });
    expect(attempts).toBe(3);
    expect(delays).toEqual([250, 500]);
    expect(hits).toHaveLength(3);
    for (const hit of hits) {
      expect(hit.method).toBe('GET');
      expect(hit.url).toBe('/products/collections?locationId=loc1&limit=10');
      expect(hit.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(hit.headers.version).toBe('2021-07-28');
    }
  });

  it('honours Retry-After seconds from a real 429, and fails at once past the cap', async () => {
    handlers = [status(429, {}, { 'retry-after': '2' }), status(200, {})];
    const first = transport();
    expect((await first.instance.send(new Request(`${origin}/x`), call)).response.status).toBe(200);
    expect(first.delays).toEqual([2000]);

    handlers = [status(429, { message: 'Too many' }, { 'retry-after': '3600', 'request-id': 'req-9' })];
    const second = transport({ requestIdHeader: 'request-id', provider: 'shoplazza' });
    const error = await second.instance.send(new Request(`${origin}/x`), call).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({
      retryAfterMs: 3_600_000,
      attempts: 1,
      requestId: 'req-9',
      messages: ['Too many'],
    });
    expect(second.delays).toEqual([]);
  });

  it('turns a server that never answers into TimeoutError, retrying each attempt', async () => {
    handlers = [() => {}, () => {}]; // accept the request, never respond
    const { instance } = transport({ timeoutMs: 200, retry: { maxRetries: 1 } });
    const error = await instance.send(new Request(`${origin}/hang`), call).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 200, attempts: 2 });
    expect(hits).toHaveLength(2);
  });

  it('keeps a stalled body under the same deadline', async () => {
    handlers = [
      (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.write('{"collections":['); // then nothing more
      },
    ];
    // A deadline long enough for the headers to arrive on a busy machine (150 ms was not): the body never ends,
    // so only the deadline can end the read.
    const { instance } = transport({ timeoutMs: 2_000, retry: false });
    const { response } = await instance.send(new Request(`${origin}/stall`), call);
    const error = await readJsonBody(response, { provider: 'highlevel', operation: 'listCollections' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TimeoutError);
  });

  it('turns a connection reset into ConnectionError after the retries', async () => {
    const reset: Handler = (request) => request.socket.destroy();
    handlers = [reset, reset, reset];
    const { instance, delays } = transport();
    const error = await instance.send(new Request(`${origin}/reset`), call).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ attempts: 3 });
    expect(delays).toEqual([250, 500]);
    expect(hits).toHaveLength(3);
    expect(JSON.stringify(error)).not.toContain(TOKEN);
  });

  it('reads a real error body into a typed error with the request id', async () => {
    handlers = [status(404, { errors: ['Not Found'] }, { 'request-id': 'abc-123' })];
    const { instance } = transport({
      provider: 'shoplazza',
      label: 'Shoplazza',
      requestIdHeader: 'request-id',
    });
    const error = await instance
      .send(new Request(`${origin}/openapi/2022-01/collections`), call)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toBe(
      'Shoplazza listCollections failed: 404 Not Found (request id abc-123)',
    );
    expect(error).toMatchObject({ body: { errors: ['Not Found'] }, requestId: 'abc-123', attempts: 1 });
  });

  it('serves concurrent callers through a shared limiter in call order, one request per slot', async () => {
    handlers = Array.from({ length: 5 }, () => status(200, {}));
    const attempts: { url: string; wait: number }[] = [];
    // The order the limiter lets calls go is the order they reach fetch (the same steps follow each grant). Neither
    // the network's arrival order nor measured waits will do: on a busy machine both can swap neighbours.
    const sent: string[] = [];
    const sentAt: number[] = [];
    const { instance } = transport({
      rateLimiter: createLeakyBucketLimiter({ provider: 'test', ratePerSecond: 20 }), // real clock and real sleeps
      hooks: { onAttempt: (event) => attempts.push({ url: event.url, wait: event.rateLimitWaitMs }) },
      fetch: (input, init) => {
        const url = new URL(input instanceof Request ? input.url : String(input));
        sent.push(url.pathname + url.search);
        sentAt.push(performance.now());
        return globalThis.fetch(input, init);
      },
    });
    const responses = await Promise.all(
      [0, 1, 2, 3, 4].map((i) => instance.send(new Request(`${origin}/c?i=${i}`), call)),
    );
    const calls = ['/c?i=0', '/c?i=1', '/c?i=2', '/c?i=3', '/c?i=4'];
    expect(responses.map((r) => r.response.status)).toEqual([200, 200, 200, 200, 200]);
    // Each call reached the server once, and went in call order.
    expect(hits.map((hit) => hit.url).sort()).toEqual(calls);
    expect(sent).toEqual(calls);
    // One slot per request: five requests at 20 per second (burst 1) span at least 4 × 50 ms from first to last;
    // unpaced they leave within a few ms. Not gap by gap: on a loaded machine (load ~20) neighbouring calls
    // reached fetch 30–37 ms apart now and then although the limiter granted 50 ms apart (the stall case has its
    // own real-clock test in rate-limit.test.ts).
    const span = (sentAt[4] as number) - (sentAt[0] as number);
    expect(span).toBeGreaterThanOrEqual(4 * 50 - 10);
    expect(attempts.find((attempt) => attempt.url.endsWith('i=0'))?.wait).toBe(0); // the first went at once
  });

  describe('a body lost mid-read', () => {
    // Promises a 200 with a Content-Length, sends half of it, then drops the socket.
    const resetMidBody: Handler = (_request, response) => {
      const text = JSON.stringify({ collections: [{ id: 'a' }, { id: 'b' }] });
      response.writeHead(200, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(text),
      });
      response.write(text.slice(0, 10));
      setTimeout(() => response.socket?.destroy(), 5);
    };
    const buffered = { ...call, bufferBody: true };

    it('is retried inside the transport when the call buffers its body (typed calls do)', async () => {
      handlers = [resetMidBody, status(200, { collections: [] })];
      const events: { attempt: number; status?: number; error?: string }[] = [];
      const { instance, delays } = transport({ hooks: { onAttempt: (event) => events.push(event) } });
      const { response, bytes, attempts } = await instance.send(new Request(`${origin}/mid-body`), buffered);
      expect(bytes).toBeInstanceOf(Uint8Array);
      expect(
        await readJsonBody(response, { provider: 'highlevel', operation: 'listCollections' }, bytes),
      ).toEqual({
        collections: [],
      });
      expect(attempts).toBe(2);
      expect(events.map(({ attempt, status, error }) => ({ attempt, status, error }))).toEqual([
        { attempt: 1, status: 200, error: 'ConnectionError' },
        { attempt: 2, status: 200, error: undefined },
      ]);
      expect(hits).toHaveLength(2);
      expect(delays).toEqual([250]); // the usual backoff before the second attempt
    });

    it('ends in a typed ConnectionError once the retries are spent', async () => {
      handlers = [resetMidBody, resetMidBody];
      const { instance } = transport({ retry: { maxRetries: 1, baseDelayMs: 1 } });
      const error = await instance.send(new Request(`${origin}/mid-body`), buffered).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConnectionError);
      expect(error).toMatchObject({ attempts: 2, status: 200 });
    });

    it('is a typed ConnectionError from readJsonBody when the caller reads the body itself', async () => {
      handlers = [resetMidBody];
      const { instance } = transport();
      const { response } = await instance.send(new Request(`${origin}/mid-body`), call);
      const error = await readJsonBody(response, {
        provider: 'highlevel',
        operation: 'listCollections',
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConnectionError);
    });
  });

  it('scrubs a token the server echoes back from the error body and messages', async () => {
    const echo = status(401, {
      statusCode: 401,
      message: `Invalid token: ${TOKEN}`,
      echoed: `Bearer ${TOKEN}`,
    });
    handlers = [echo, echo]; // the 401 is retried once with a refreshed token, then reported
    const { instance } = transport();
    const error = await instance.send(new Request(`${origin}/echo`), call).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({
      messages: ['Invalid token: [redacted]'],
      body: { statusCode: 401, message: 'Invalid token: [redacted]', echoed: '[redacted]' },
    });
    for (const text of [String(error), (error as Error).message, JSON.stringify(error)]) {
      expect(text).not.toContain(TOKEN);
    }
  });
});
