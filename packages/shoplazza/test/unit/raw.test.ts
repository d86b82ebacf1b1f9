import { describe, expect, it } from 'vitest';
import { createShoplazzaClient } from '../../src/index';
import { ORIGIN, PAGE, PATH, SHOP, TOKEN } from './fixtures';
import { headerEntries, json, recorder } from './helpers';

describe('Shoplazza raw client', () => {
  it('is built on first access, and once', () => {
    const client = createShoplazzaClient({ token: TOKEN, shop: SHOP, rateLimit: false });
    const raw = client.raw;
    expect(client.raw).toBe(raw);
    expect(Object.isFrozen(client)).toBe(true);
    expect(typeof raw.GET).toBe('function');
  });

  it('sends the auth and static headers, comma-joins ids and returns data', async () => {
    const rec = recorder(json(PAGE));
    const client = createShoplazzaClient({ token: TOKEN, shop: SHOP, fetch: rec.fetch, rateLimit: false });
    const { data, error } = await client.raw.GET(PATH, { params: { query: { ids: 'a,b', limit: 5 } } });
    expect(error).toBeUndefined();
    expect(data?.collections).toHaveLength(2);
    expect(rec.requests[0]!.url).toBe(`${ORIGIN}${PATH}?ids=a,b&limit=5`);
    expect(headerEntries(rec.requests[0]!)).toEqual([
      ['accept', 'application/json'],
      ['access-token', TOKEN],
      ['content-type', 'application/json'],
    ]);
  });

  it('returns HTTP errors as { error } instead of throwing', async () => {
    const rec = recorder(json({ errors: ['UpdatedAtMin time format error'] }, 422));
    const client = createShoplazzaClient({ token: TOKEN, shop: SHOP, fetch: rec.fetch, rateLimit: false });
    const { data, error, response } = await client.raw.GET(PATH, {
      params: { query: { updated_at_min: 'x' } },
    });
    expect(data).toBeUndefined();
    expect(response.status).toBe(422);
    expect(error).toEqual({ errors: ['UpdatedAtMin time format error'] });
  });
});
