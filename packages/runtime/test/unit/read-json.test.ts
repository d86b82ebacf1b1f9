import { describe, expect, it } from 'vitest';
import {
  AbortedError,
  createTransport,
  InvalidResponseError,
  isJsonContentType,
  readCheckedJson,
  readJsonBody,
} from '../../src/internal';

const options = { provider: 'shoplazza', label: 'Shoplazza', operation: 'listCollections' };

function jsonResponse(body: BodyInit, headers: Record<string, string> = {}): Response {
  return new Response(body, { status: 200, headers: { 'content-type': 'application/json', ...headers } });
}

/** A body that never ends, counting what was pulled from it and whether it was cancelled. */
function endlessBody(delayMs = 0) {
  const state = { pulledBytes: 0, cancelled: false };
  const chunk = new TextEncoder().encode(`[${'1,'.repeat(512)}`);
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      state.pulledBytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

async function failure(promise: Promise<unknown>): Promise<InvalidResponseError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InvalidResponseError);
  return error as InvalidResponseError;
}

describe('readJsonBody', () => {
  it('parses JSON, with and without Content-Length', async () => {
    const text = '{"collections":[{"id":"1","title":"Été"}]}';
    const bytes = new TextEncoder().encode(text);
    const expected = { collections: [{ id: '1', title: 'Été' }] };
    expect(
      await readJsonBody(jsonResponse(bytes, { 'content-length': String(bytes.byteLength) }), options),
    ).toEqual(expected);
    const chunked = new ReadableStream({
      start(controller) {
        controller.enqueue(bytes.slice(0, 30)); // splits the two bytes of "É"'s neighbour safely across chunks
        controller.enqueue(bytes.slice(30));
        controller.close();
      },
    });
    expect(await readJsonBody(jsonResponse(chunked), options)).toEqual(expected);
  });

  it.each([
    'application/json',
    'application/json; charset=utf-8',
    'application/problem+json',
    'APPLICATION/JSON',
  ])('accepts content type %s', async (type) => {
    expect(
      await readJsonBody(new Response('{"a":1}', { headers: { 'content-type': type } }), options),
    ).toEqual({
      a: 1,
    });
  });

  it.each([['text/html'], ['text/json'], ['application/jsonp'], [null]])(
    'refuses content type %s, naming it',
    async (type) => {
      const headers: Record<string, string> = type === null ? {} : { 'content-type': type };
      const response = new Response('{"a":1}', { headers });
      if (type === null) response.headers.delete('content-type');
      const error = await failure(readJsonBody(response, options));
      expect(error.reason).toBe('content-type');
      expect(error.message).toContain(type ?? 'none');
      expect(
        error.message.startsWith('Shoplazza listCollections failed: invalid response (content-type'),
      ).toBe(true);
    },
  );

  it('refuses a Content-Length over the cap without reading', async () => {
    const { stream, state } = endlessBody();
    const error = await failure(
      readJsonBody(jsonResponse(stream, { 'content-length': '2000' }), { ...options, maxBodyBytes: 1000 }),
    );
    expect(error.reason).toBe('body-too-large');
    expect(state.cancelled).toBe(true);
  });

  it('stops an endless streaming body at the cap and cancels it', async () => {
    const { stream, state } = endlessBody();
    const error = await failure(readJsonBody(jsonResponse(stream), { ...options, maxBodyBytes: 10_000 }));
    expect(error.reason).toBe('body-too-large');
    expect(state.cancelled).toBe(true);
    expect(state.pulledBytes).toBeLessThan(20_000); // a few chunks past the cap, never the (infinite) rest
  });

  it('refuses invalid UTF-8', async () => {
    const bytes = new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]); // {"a":"\xff\xfe"}
    const error = await failure(readJsonBody(jsonResponse(bytes), options));
    expect(error.reason).toBe('encoding');
  });

  it.each(['{"a":', '', 'not json', '{"a":1}}'])('refuses bad JSON %j', async (text) => {
    const error = await failure(readJsonBody(jsonResponse(text), options));
    expect(error.reason).toBe('json');
    expect(error.status).toBe(200);
  });

  it('drops __proto__, constructor and prototype keys, even when spelled with escapes', async () => {
    const text =
      '{"__proto__":{"polluted":true},"a":{"constructor":{"prototype":{"polluted":true}},"b":1},' +
      '"\\u005f_proto__":{"polluted":true},"c":"constructor is a fine value"}';
    const body = (await readJsonBody(jsonResponse(text), options)) as Record<string, unknown>;
    expect(body).toEqual({ a: { b: 1 }, c: 'constructor is a fine value' });
    expect(Object.hasOwn(body, '__proto__')).toBe(false);
    const merged = Object.assign({}, body);
    expect((merged as { polluted?: unknown }).polluted).toBeUndefined();
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('stops reading when the signal aborts', async () => {
    const { stream, state } = endlessBody(1);
    const controller = new AbortController();
    const pending = readJsonBody(jsonResponse(stream), { ...options, signal: controller.signal });
    setTimeout(() => controller.abort(), 5);
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortedError);
    expect(state.cancelled).toBe(true);
  });

  it('refuses a body already read', async () => {
    const response = jsonResponse('{}');
    await response.text();
    expect((await failure(readJsonBody(response, options))).reason).toBe('body-used');
  });
});

describe('isJsonContentType', () => {
  it.each([
    ['application/json', true],
    ['application/vnd.api+json', true],
    [' application/json ;charset=utf-8', true],
    ['+json', false],
    ['application/json-seq', false],
    ['text/plain', false],
    [null, false],
  ])('%j → %s', (type, expected) => {
    expect(isJsonContentType(type)).toBe(expected);
  });
});

describe('readCheckedJson request id', () => {
  const check = () => undefined;
  const checked = { ...options, requestIdHeader: 'request-id', check };
  const answered = (headers: Record<string, string>) => async () => jsonResponse('{"a":1}', headers);

  it('reads it from the header of a response that did not come from a transport', async () => {
    const response = jsonResponse('{"a":1}', { 'request-id': 'r-1' });
    await expect(readCheckedJson({ response }, checked)).resolves.toEqual({
      page: { a: 1 },
      requestId: 'r-1',
    });
  });

  it('takes the one the transport read, and reads the header itself when the transport watched another', async () => {
    const headers = { 'request-id': 'r-2', 'x-other': 'o-2' };
    for (const requestIdHeader of ['request-id', 'x-other', undefined]) {
      const transport = createTransport({ provider: 'shoplazza', fetch: answered(headers), requestIdHeader });
      const delivery = await transport.send(new Request('https://shop.example.test/c'), { operation: 'op' });
      await expect(readCheckedJson(delivery, checked)).resolves.toMatchObject({ requestId: 'r-2' });
    }
  });
});
