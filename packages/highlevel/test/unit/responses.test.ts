import { describe, expect, it } from 'vitest';
import { createHighLevelClient, InvalidResponseError } from '../../src/index';
import { LOCATION, PAGE, TOKEN } from './fixtures';
import { json, recorder } from './helpers';

function clientAnswering(response: Response, maxBodyBytes?: number) {
  const rec = recorder(response);
  const client = createHighLevelClient({
    token: TOKEN,
    locationId: LOCATION,
    fetch: rec.fetch,
    retry: false,
    rateLimit: false,
    maxBodyBytes,
  });
  return { client, rec };
}

describe('HighLevel listCollections responses', () => {
  it('returns data and total as sent, and the x-request-id header', async () => {
    const { client } = clientAnswering(json(PAGE, 200, { 'x-request-id': 'req-123' }));
    const page = await client.listCollections();
    expect(page).toEqual({ data: PAGE.data, total: 42, requestId: 'req-123' });
  });

  it('has requestId undefined when the server sends none', async () => {
    const { client } = clientAnswering(json({ data: [], total: 0 }));
    await expect(client.listCollections()).resolves.toEqual({ data: [], total: 0, requestId: undefined });
  });

  it('keeps unknown fields of items and of the page body', async () => {
    const body = { data: [{ _id: 'a', name: 'A', brandNew: { x: 1 } }], total: 1, traceId: 't' };
    const { client } = clientAnswering(json(body));
    const page = await client.listCollections();
    expect(page.data[0]).toEqual({ _id: 'a', name: 'A', brandNew: { x: 1 } });
  });

  it('accepts a +json content type with parameters', async () => {
    const response = new Response(JSON.stringify(PAGE), {
      headers: { 'content-type': 'application/vnd.api+json; charset=utf-8' },
    });
    const { client } = clientAnswering(response);
    await expect(client.listCollections()).resolves.toMatchObject({ total: 42 });
  });

  it('drops __proto__ keys instead of polluting prototypes', async () => {
    const text = '{"data":[{"_id":"a","name":"A","__proto__":{"polluted":true}}],"total":1}';
    const { client } = clientAnswering(
      new Response(text, { headers: { 'content-type': 'application/json' } }),
    );
    const page = await client.listCollections();
    expect(Object.getPrototypeOf(page.data[0])).toBe(Object.prototype);
    expect((page.data[0] as Record<string, unknown>).polluted).toBeUndefined();
  });

  const shapes: [string, unknown, string][] = [
    ['a body that is an array', [PAGE], '(body)'],
    ['a null body', null, '(body)'],
    ['data missing', { total: 1 }, 'data'],
    ['data an object', { data: {}, total: 1 }, 'data'],
    ['total missing', { data: [] }, 'total'],
    ['total a string', { data: [], total: '42' }, 'total'],
    ['total negative', { data: [], total: -1 }, 'total'],
    ['total fractional', { data: [], total: 1.5 }, 'total'],
    ['an item that is an array (the vendor spec’s defect)', { data: [[null]], total: 1 }, 'data[0]'],
    ['an item that is null', { data: [PAGE.data[0], null], total: 2 }, 'data[1]'],
    [
      'the fourth item’s _id a number',
      { data: [...PAGE.data, { _id: 'c', name: 'C' }, { _id: 4, name: 'D' }], total: 4 },
      'data[3]._id',
    ],
    ['an item without name', { data: [PAGE.data[0], { _id: 'b' }], total: 2 }, 'data[1].name'],
  ];
  it.each(shapes)('refuses %s with InvalidResponseError naming the field', async (_label, body, field) => {
    const { client } = clientAnswering(json(body, 200, { 'x-request-id': 'req-9' }));
    const error = await client.listCollections().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ reason: 'shape', field, status: 200, requestId: 'req-9', attempts: 1 });
    expect(String(error)).toContain(field);
  });

  const bodies: [string, Response, string][] = [
    [
      'not JSON',
      new Response('<html>oops</html>', { headers: { 'content-type': 'application/json' } }),
      'json',
    ],
    [
      'an HTML content type',
      new Response('<html></html>', { headers: { 'content-type': 'text/html' } }),
      'content-type',
    ],
    ['no content type', new Response(JSON.stringify(PAGE)), 'content-type'],
    ['an empty body', new Response('', { headers: { 'content-type': 'application/json' } }), 'json'],
    [
      'invalid UTF-8',
      new Response(new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x7d]), {
        headers: { 'content-type': 'application/json' },
      }),
      'encoding',
    ],
  ];
  it.each(bodies)('refuses %s with InvalidResponseError', async (_label, response, reason) => {
    const { client } = clientAnswering(response);
    const error = await client.listCollections().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ reason, status: 200 });
  });

  it('refuses a body larger than maxBodyBytes', async () => {
    const { client } = clientAnswering(json(PAGE), 64);
    const error = await client.listCollections().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ reason: 'body-too-large' });
  });
});
