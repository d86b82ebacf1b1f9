import { describe, expect, it } from 'vitest';
import { AbortedError, createHighLevelClient, InvalidResponseError } from '../../src/index';
import { LOCATION, ORIGIN, PAGE, PATH, TOKEN } from './fixtures';
import { headerEntries, json, recorder } from './helpers';

describe('HighLevel raw client', () => {
  it('is built on first access, and once', () => {
    const client = createHighLevelClient({ token: TOKEN, locationId: LOCATION, rateLimit: false });
    const raw = client.raw;
    expect(client.raw).toBe(raw);
    expect(Object.isFrozen(client)).toBe(true);
    expect(typeof raw.GET).toBe('function');
  });

  it('sends auth, Version and Accept, serialises collectionIds comma-joined, and returns data', async () => {
    const rec = recorder(json(PAGE));
    const client = createHighLevelClient({
      token: TOKEN,
      locationId: LOCATION,
      fetch: rec.fetch,
      rateLimit: false,
    });
    const { data, error, response } = await client.raw.GET(PATH, {
      params: { query: { altId: LOCATION, altType: 'location', collectionIds: 'a,b', limit: 3 } },
    });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data?.total).toBe(42);
    // raw keeps the caller’s key order.
    expect(rec.requests[0]!.url).toBe(
      `${ORIGIN}${PATH}?altId=${LOCATION}&altType=location&collectionIds=a,b&limit=3`,
    );
    expect(headerEntries(rec.requests[0]!)).toEqual([
      ['accept', 'application/json'],
      ['authorization', `Bearer ${TOKEN}`],
      ['version', '2021-07-28'],
    ]);
  });

  it('caps the body openapi-fetch parses itself: past maxBodyBytes the call rejects with body-too-large', async () => {
    const big = JSON.stringify({ ...PAGE, padding: 'x'.repeat(5000) });
    // No Content-Length: only counting the bytes as they arrive can stop it.
    const rec = recorder(new Response(big, { headers: { 'content-type': 'application/json' } }));
    const client = createHighLevelClient({
      token: TOKEN,
      locationId: LOCATION,
      fetch: rec.fetch,
      rateLimit: false,
      maxBodyBytes: 1000,
    });
    const error = await client.raw
      .GET(PATH, { params: { query: { altId: LOCATION, altType: 'location' } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({
      reason: 'body-too-large',
      provider: 'highlevel',
      operation: 'raw',
      status: 200,
    });
  });

  it('returns HTTP errors as { error } instead of throwing', async () => {
    const body = { statusCode: 422, message: ['altType must be one of the following values: location'] };
    const rec = recorder(json(body, 422));
    const client = createHighLevelClient({
      token: TOKEN,
      locationId: LOCATION,
      fetch: rec.fetch,
      rateLimit: false,
    });
    const { data, error, response } = await client.raw.GET(PATH, {
      params: { query: { altId: LOCATION, altType: 'location' } },
    });
    expect(data).toBeUndefined();
    expect(response.status).toBe(422);
    expect(error).toEqual(body);
  });

  it('honours a signal passed to raw', async () => {
    const rec = recorder(json(PAGE));
    const client = createHighLevelClient({
      token: TOKEN,
      locationId: LOCATION,
      fetch: rec.fetch,
      rateLimit: false,
    });
    const error = await client.raw
      .GET(PATH, { params: { query: { altId: LOCATION, altType: 'location' } }, signal: AbortSignal.abort() })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortedError);
    expect(rec.requests).toHaveLength(0);
  });
});
