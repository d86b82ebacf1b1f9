import { describe, expect, it } from 'vitest';
import { createShoplazzaClient, InvalidResponseError } from '../../src/index';
import { PAGE, SHOP, TOKEN } from './fixtures';
import { json, recorder } from './helpers';

function clientAnswering(response: Response, maxBodyBytes?: number) {
  const rec = recorder(response);
  const client = createShoplazzaClient({
    token: TOKEN,
    shop: SHOP,
    fetch: rec.fetch,
    retry: false,
    rateLimit: false,
    maxBodyBytes,
  });
  return { client, rec };
}

describe('Shoplazza listCollections responses', () => {
  it('returns the collections as sent and the Request-Id header', async () => {
    const { client } = clientAnswering(
      json(PAGE, 200, { 'Request-Id': '9d3f1c2b-5a7e-4f60-8b1d-0c2e4a6f8b10' }),
    );
    await expect(client.listCollections()).resolves.toEqual({
      collections: PAGE.collections,
      requestId: '9d3f1c2b-5a7e-4f60-8b1d-0c2e4a6f8b10',
    });
  });

  it('has requestId undefined when the header is missing', async () => {
    const { client } = clientAnswering(json({ collections: [] }));
    await expect(client.listCollections()).resolves.toEqual({ collections: [], requestId: undefined });
  });

  it('keeps unknown fields and an undocumented sort order', async () => {
    const item = { id: 'x', title: 'X', handle: 'x', sort_order: 'title-asc', brand_new: [1, 2] };
    const { client } = clientAnswering(json({ collections: [item], cursor: 'next' }));
    const page = await client.listCollections();
    expect(page.collections[0]).toEqual(item);
  });

  const shapes: [string, unknown, string][] = [
    ['a body that is an array', [PAGE], '(body)'],
    ['a string body', 'ok', '(body)'],
    ['collections missing', { data: [] }, 'collections'],
    ['collections null', { collections: null }, 'collections'],
    ['an item that is a string', { collections: ['x'] }, 'collections[0]'],
    [
      'the second item’s id a number',
      { collections: [PAGE.collections[0], { id: 2, title: 'T', handle: 'h' }] },
      'collections[1].id',
    ],
    ['an item without title', { collections: [{ id: 'a', handle: 'h' }] }, 'collections[0].title'],
    [
      'an item with a null handle',
      { collections: [{ id: 'a', title: 'T', handle: null }] },
      'collections[0].handle',
    ],
    ['the 2025-06 envelope', { code: 'Success', message: '', data: { collections: [] } }, 'collections'],
  ];
  it.each(shapes)('refuses %s with InvalidResponseError naming the field', async (_label, body, field) => {
    const { client } = clientAnswering(json(body, 200, { 'request-id': 'r-1' }));
    const error = await client.listCollections().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({
      reason: 'shape',
      field,
      status: 200,
      requestId: 'r-1',
      provider: 'shoplazza',
    });
    expect(String(error)).toContain(field);
  });

  const bodies: [string, Response, string][] = [
    [
      'not JSON',
      new Response('{"collections":', { headers: { 'content-type': 'application/json' } }),
      'json',
    ],
    [
      'an HTML page',
      new Response('<html></html>', { headers: { 'content-type': 'text/html; charset=utf-8' } }),
      'content-type',
    ],
    ['an empty body', new Response(null, { headers: { 'content-type': 'application/json' } }), 'json'],
  ];
  it.each(bodies)('refuses %s with InvalidResponseError', async (_label, response, reason) => {
    const { client } = clientAnswering(response);
    const error = await client.listCollections().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ reason });
  });

  it('refuses a body larger than maxBodyBytes', async () => {
    const { client } = clientAnswering(json(PAGE), 100);
    await expect(client.listCollections()).rejects.toMatchObject({ reason: 'body-too-large' });
  });
});
