import type { ServerResponse } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import {
  type Collection,
  CommerceCollectionsError,
  createCollectionsClient,
  getListProgress,
  InvalidResponseError,
} from '../../../src/index';
import {
  type Firehose,
  firehose,
  type RawServer,
  startRawServer,
} from '../../support/reliability/raw-server';
import { findLeaks, SECRET_TOKEN } from '../../support/reliability/secrets';

/**
 * Answers a hostile (or broken) server can give, from a bare HTTP server on loopback: bodies far over the size
 * cap, prototype-polluting keys, wrong content types, invalid UTF-8, items missing required fields. Each must end
 * in a typed error (InvalidResponseError naming the reason, and the field for shape problems) carrying progress —
 * or, for hostile keys, in clean items — never in an untyped exception, a buffered giant body or a polluted
 * Object.prototype.
 */
type Provider = 'highlevel' | 'shoplazza';
type Handler = (response: ServerResponse, url: URL) => void;

const CAP = 64 * 1024;
const FAR_MORE = 256 * 1024 * 1024;
/** What leaves the server before the client can react is socket buffering (a few MiB on loopback), not the body. */
const SENT_BOUND = FAR_MORE / 8;
/** The client may read one network chunk past the cap before it stops. */
const READ_BOUND = CAP + 256 * 1024;

/** Bytes the client pulled out of response bodies (a counting stream between fetch and the client). */
let bytesRead = 0;
async function countingFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const response = await globalThis.fetch(input, init);
  if (response.body === null) return response;
  const counter = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      bytesRead += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return new Response(response.body.pipeThrough(counter), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

let handler: Handler = (response) => response.end();
let server: RawServer;
beforeAll(async () => {
  server = await startRawServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    // Each case is one Shoplazza page: the page after a short one (which confirms the end) is empty.
    if (Number(url.searchParams.get('page') ?? 1) > 1) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"collections":[]}');
      return;
    }
    handler(response, url);
  });
});
afterAll(async () => {
  await server?.close();
});
afterEach(() => {
  delete (Object.prototype as Record<string, unknown>).polluted;
});

function client(provider: Provider, { tokenOverride, ...extra }: Record<string, unknown> = {}) {
  const token = tokenOverride ?? SECRET_TOKEN;
  const block =
    provider === 'highlevel'
      ? { token, locationId: 'loc_1', baseUrl: server.url, rateLimit: false }
      : { token, shop: 'hostile', baseUrl: server.url, rateLimit: false };
  return createCollectionsClient({
    [provider]: block,
    retry: { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 2, maxRetryAfterMs: 10 },
    timeoutMs: 5_000,
    maxBodyBytes: CAP,
    fetch: countingFetch,
    ...extra,
  });
}

async function listAll(provider: Provider, extra: Record<string, unknown> = {}) {
  bytesRead = 0;
  const items: Collection[] = [];
  try {
    for await (const item of client(provider, extra).list({ provider, pageSize: 10 })) items.push(item);
    return { items, error: undefined };
  } catch (error) {
    return { items, error };
  }
}

function send(
  response: ServerResponse,
  body: string | Buffer,
  contentType: string | undefined,
  status = 200,
): void {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  const headers: Record<string, string> = { 'content-length': String(bytes.length) };
  if (contentType !== undefined) headers['content-type'] = contentType;
  response.writeHead(status, headers);
  response.end(bytes);
}

const pageOf = (provider: Provider, items: string) =>
  provider === 'highlevel' ? `{"data":[${items}],"total":1}` : `{"collections":[${items}]}`;
const itemOf = (provider: Provider, id: string, extra = '') =>
  provider === 'highlevel'
    ? `{"_id":"${id}","name":"Name ${id}"${extra}}`
    : `{"id":"${id}","title":"Title ${id}","handle":"h-${id}"${extra}}`;

function expectInvalid(error: unknown, reason: string): InvalidResponseError {
  expect(error).toBeInstanceOf(InvalidResponseError);
  expect(error).toBeInstanceOf(CommerceCollectionsError);
  const invalid = error as InvalidResponseError;
  expect(invalid.reason).toBe(reason);
  expect(getListProgress(error)).toMatchObject({ yielded: 0 });
  expect(findLeaks(SECRET_TOKEN, [error])).toEqual([]);
  return invalid;
}

describe.each(['highlevel', 'shoplazza'] as const)('%s: hostile responses', (provider) => {
  describe('bodies over the size cap are refused without being buffered', () => {
    test('streamed without Content-Length: the client stops reading soon after the cap', async () => {
      const stream: Firehose = { sent: 0, finished: Promise.resolve() };
      const prefix = provider === 'highlevel' ? '{"total":1,"data":[' : '{"collections":[';
      handler = (response) =>
        firehose(
          response,
          {
            contentType: 'application/json',
            prefix,
            chunk: `${itemOf(provider, 'x'.repeat(40))},`,
            totalBytes: FAR_MORE,
          },
          stream,
        );
      const { items, error } = await listAll(provider);
      expect(items).toEqual([]);
      const invalid = expectInvalid(error, 'body-too-large');
      expect(invalid.message).toContain(String(CAP));
      await stream.finished;
      // The server would have sent 64 MiB; what left it is bounded by the cap plus socket buffers.
      expect(stream.sent).toBeLessThan(SENT_BOUND);
      expect(bytesRead).toBeLessThan(READ_BOUND);
      expect(server.requests.length).toBeGreaterThan(0);
    });

    test('announced by Content-Length: refused before reading the body', async () => {
      const stream: Firehose = { sent: 0, finished: Promise.resolve() };
      handler = (response) => {
        response.setHeader('content-length', String(FAR_MORE));
        firehose(
          response,
          { contentType: 'application/json', prefix: '{', chunk: ' '.repeat(4096), totalBytes: FAR_MORE },
          stream,
        );
      };
      const { error } = await listAll(provider);
      expectInvalid(error, 'body-too-large');
      await stream.finished;
      expect(stream.sent).toBeLessThan(SENT_BOUND);
      expect(bytesRead).toBeLessThan(READ_BOUND);
    });

    test('an error status with an endless body: still a typed error, still bounded', async () => {
      const stream: Firehose = { sent: 0, finished: Promise.resolve() };
      handler = (response) =>
        firehose(
          response,
          {
            status: 500,
            contentType: 'text/html',
            prefix: '<html>',
            chunk: '<p>oops</p>'.repeat(100),
            totalBytes: FAR_MORE,
          },
          stream,
        );
      const { error } = await listAll(provider, { retry: false });
      expect(error).toBeInstanceOf(CommerceCollectionsError);
      expect(getListProgress(error)).toBeDefined();
      await stream.finished;
      expect(stream.sent).toBeLessThan(SENT_BOUND);
      expect(bytesRead).toBeLessThan(READ_BOUND);
    });

    test('a body just under the cap is fine', async () => {
      const filler = `,"pad":"${'p'.repeat(CAP - 200)}"`;
      handler = (response) =>
        send(response, pageOf(provider, itemOf(provider, 'ok', filler)), 'application/json');
      const { items, error } = await listAll(provider);
      expect(error).toBeUndefined();
      expect(items.map((item) => item.id)).toEqual(['ok']);
    });
  });

  describe('prototype pollution', () => {
    const hostileKeys = [
      '"__proto__":{"polluted":"yes"}',
      '"constructor":{"prototype":{"polluted":"yes"}}',
      '"\\u005f_proto__":{"polluted":"yes"}',
      '"prototype":{"polluted":"yes"}',
    ];
    test.each(hostileKeys)('%s in items and at the top level', async (key) => {
      const body =
        provider === 'highlevel'
          ? `{${key},"data":[${itemOf(provider, 'a', `,${key}`)},${itemOf(provider, 'b', `,"seo":{${key},"title":"t"}`)}],"total":2}`
          : `{${key},"collections":[${itemOf(provider, 'a', `,${key}`)},${itemOf(provider, 'b', `,"image":{${key},"src":"//cdn.x/y.png"}`)}]}`;
      handler = (response) => send(response, body, 'application/json');
      const { items, error } = await listAll(provider);
      expect(error).toBeUndefined();
      expect(items.map((item) => item.id)).toEqual(['a', 'b']);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
      for (const item of items) {
        expect(Object.getPrototypeOf(item)).toBe(Object.prototype);
        expect(Object.getPrototypeOf(item.raw)).toBe(Object.prototype);
        expect((item as unknown as Record<string, unknown>).polluted).toBeUndefined();
        expect((item.raw as unknown as Record<string, unknown>).polluted).toBeUndefined();
        expect(item.raw.constructor).toBe(Object);
        if (item.seo) expect(Object.getPrototypeOf(item.seo)).toBe(Object.prototype);
      }
    });
  });

  describe('wrong content types', () => {
    test.each([
      'text/html; charset=utf-8',
      'text/plain',
      'application/xml',
      'text/json',
      'application/jsonp',
      'application/octet-stream',
      undefined,
    ])('%s', async (contentType) => {
      handler = (response) => send(response, pageOf(provider, itemOf(provider, 'a')), contentType);
      const { items, error } = await listAll(provider);
      expect(items).toEqual([]);
      expectInvalid(error, 'content-type');
    });

    test('application/problem+json and parameters are JSON', async () => {
      handler = (response) =>
        send(response, pageOf(provider, itemOf(provider, 'a')), 'Application/JSON ; charset="utf-8"');
      const { items, error } = await listAll(provider);
      expect(error).toBeUndefined();
      expect(items).toHaveLength(1);
    });
  });

  describe('invalid UTF-8', () => {
    test.each([
      ['a lone continuation byte', [0x80]],
      ['an invalid lead byte', [0xff, 0xfe]],
      ['an overlong slash', [0xc0, 0xaf]],
      ['an encoded surrogate', [0xed, 0xa0, 0x80]],
      ['a truncated sequence', [0xe2, 0x82]],
    ])('%s', async (_, bytes) => {
      const [head, tail] = pageOf(provider, itemOf(provider, 'a', ',"note":"@@"')).split('@@') as [
        string,
        string,
      ];
      const body = Buffer.concat([Buffer.from(head), Buffer.from(bytes), Buffer.from(tail)]);
      handler = (response) => send(response, body, 'application/json');
      const { items, error } = await listAll(provider);
      expect(items).toEqual([]);
      expectInvalid(error, 'encoding');
    });
  });

  describe('items missing required fields: InvalidResponseError naming the field', () => {
    const cases: [string, string, string][] =
      provider === 'highlevel'
        ? [
            ['_id missing', '{"data":[{"name":"x"}],"total":1}', 'data[0]._id'],
            ['name missing', '{"data":[{"_id":"a","name":"x"},{"_id":"b"}],"total":2}', 'data[1].name'],
            ['_id a number', '{"data":[{"_id":7,"name":"x"}],"total":1}', 'data[0]._id'],
            ['item null', '{"data":[null],"total":1}', 'data[0]'],
            ['data missing', '{"total":1}', 'data'],
            ['total missing', '{"data":[]}', 'total'],
            ['total a string', '{"data":[],"total":"1"}', 'total'],
            ['body an array', '[]', '(body)'],
          ]
        : [
            ['id missing', '{"collections":[{"title":"x","handle":"x"}]}', 'collections[0].id'],
            ['title missing', '{"collections":[{"id":"a","handle":"x"}]}', 'collections[0].title'],
            [
              'handle missing',
              '{"collections":[{"id":"a","title":"t","handle":"h"},{"id":"b","title":"t"}]}',
              'collections[1].handle',
            ],
            ['item a string', '{"collections":["a"]}', 'collections[0]'],
            ['collections missing', '{}', 'collections'],
            ['body null', 'null', '(body)'],
          ];
    test.each(cases)('%s', async (_, body, field) => {
      handler = (response) => send(response, body, 'application/json');
      const { items, error } = await listAll(provider);
      expect(items).toEqual([]);
      const invalid = expectInvalid(error, 'shape');
      expect(invalid.field).toBe(field);
      expect(invalid.message).toContain(field);
    });
  });

  describe('a server that echoes the token back: the error does not repeat it', () => {
    const echoes: [string, number, string, string][] = [
      [
        'in a 401 JSON body',
        401,
        'application/json',
        JSON.stringify({
          statusCode: 401,
          message: `Invalid token: ${SECRET_TOKEN}`,
          error: `Unauthorized ${SECRET_TOKEN}`,
        }),
      ],
      ['in a 500 text body', 500, 'text/plain', `upstream said: Authorization: Bearer ${SECRET_TOKEN}`],
      [
        'in a 400 body, nested',
        400,
        'application/json',
        JSON.stringify({
          errors: [`bad header access-token=${SECRET_TOKEN}`],
          detail: { headers: { authorization: `Bearer ${SECRET_TOKEN}` } },
        }),
      ],
      [
        'in a 200 body of the wrong shape',
        200,
        'application/json',
        JSON.stringify({ data: SECRET_TOKEN, total: 1, collections: SECRET_TOKEN }),
      ],
    ];
    test.each(echoes)('%s', async (_, status, contentType, body) => {
      handler = (response) => send(response, body, contentType, status);
      for (const token of [SECRET_TOKEN, async () => SECRET_TOKEN]) {
        const { error } = await listAll(provider, { retry: false, tokenOverride: token });
        expect(error).toBeInstanceOf(CommerceCollectionsError);
        expect(findLeaks(SECRET_TOKEN, [error, (error as Error).message, getListProgress(error)])).toEqual(
          [],
        );
      }
    });
  });
});
