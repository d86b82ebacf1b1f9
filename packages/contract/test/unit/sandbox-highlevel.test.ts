import { afterEach, describe, expect, it } from 'vitest';
import type { HighLevelSandboxOptions } from '../../src/sandbox/highlevel';
import { type HighLevelSandbox, startHighLevelSandbox } from '../../src/sandbox/highlevel';

let sandbox: HighLevelSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function start(options: HighLevelSandboxOptions = {}): Promise<HighLevelSandbox> {
  sandbox = await startHighLevelSandbox({ rateLimit: false, ...options });
  return sandbox;
}

const goodHeaders = { Authorization: 'Bearer sandbox-token', Version: '2021-07-28' };

function list(running: HighLevelSandbox, query: string, headers: Record<string, string> = goodHeaders) {
  const base = `altId=${running.locationId}&altType=location`;
  return fetch(`${running.url}/products/collections?${base}${query}`, { headers });
}

describe('HighLevel sandbox', () => {
  it('serves deterministic collections: same seed, same bytes; another seed, other bytes', async () => {
    const first = await (await list(await start({ collections: 3 }), '')).text();
    await sandbox?.close();
    const again = await (await list(await start({ collections: 3 }), '')).text();
    await sandbox?.close();
    const other = await (await list(await start({ collections: 3, seed: 'other' }), '')).text();
    expect(again).toBe(first);
    expect(other).not.toBe(first);
  });

  it('answers exact JSON bytes with total independent of limit and offset', async () => {
    const running = await start({ collections: 25 });
    const response = await list(running, '&limit=2&offset=23');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const expected = JSON.stringify({ data: running.dataset.items.slice(23, 25), total: 25 });
    expect(await response.text()).toBe(expected);
    const item = running.dataset.items[0]!;
    expect(item._id).toMatch(/^[0-9a-f]{24}$/);
    expect(item.altId).toBe(running.locationId);
    expect(item.createdAt).toMatch(/^2024-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(item.image).toMatch(/^https:\/\//);
  });

  it('defaults to limit 10, offset 0', async () => {
    const running = await start({ collections: 15 });
    const body = await (await list(running, '')).json();
    expect(body.data.map((item: { _id: string }) => item._id)).toEqual(
      running.dataset.items.slice(0, 10).map((item) => item._id),
    );
    expect(body.total).toBe(15);
  });

  it('filters by name (case-insensitive substring) and collectionIds (comma list)', async () => {
    const running = await start({ collections: 40 });
    const target = running.dataset.items[7]!;
    const needle = target.name.slice(0, 4).toUpperCase();
    const byName = await (await list(running, `&name=${encodeURIComponent(needle)}&limit=100`)).json();
    const expectedNames = running.dataset.items.filter((item) =>
      item.name.toLowerCase().includes(needle.toLowerCase()),
    );
    expect(byName.total).toBe(expectedNames.length);
    expect(byName.data).toContainEqual(target);
    const ids = [running.dataset.items[1]!._id, running.dataset.items[30]!._id];
    const byIds = await (await list(running, `&collectionIds=${ids.join(',')}`)).json();
    expect(byIds).toEqual({ data: [running.dataset.items[1], running.dataset.items[30]], total: 2 });
  });

  it('returns nothing for another location', async () => {
    const running = await start({ collections: 5 });
    const response = await fetch(`${running.url}/products/collections?altId=other&altType=location`, {
      headers: goodHeaders,
    });
    expect(await response.text()).toBe('{"data":[],"total":0}');
  });

  it('refuses a wrong token, a lower-case bearer and a missing header with the vendor 401 bytes', async () => {
    const running = await start({ token: 'right' });
    const expected =
      '{"statusCode":401,"message":"Invalid token: access token is invalid","error":"Unauthorized"}';
    for (const authorization of ['Bearer wrong', 'bearer right', undefined]) {
      const headers: Record<string, string> = { Version: '2021-07-28' };
      if (authorization) headers.Authorization = authorization;
      const response = await list(running, '', headers);
      expect(response.status).toBe(401);
      expect(await response.text()).toBe(expected);
    }
    expect(JSON.stringify(running.requestLog)).not.toContain('right');
    expect(running.requestLog[0]?.headers.authorization).toBe('[redacted]');
  });

  it('answers 400 for a missing or wrong Version header and missing altId/altType', async () => {
    const running = await start();
    const bad = '{"statusCode":400,"message":"Bad Request"}';
    const noVersion = await list(running, '', { Authorization: 'Bearer sandbox-token' });
    expect([noVersion.status, await noVersion.text()]).toEqual([400, bad]);
    const newVersion = await list(running, '', { ...goodHeaders, Version: '2023-02-21' });
    expect([newVersion.status, await newVersion.text()]).toEqual([400, bad]);
    const noAlt = await fetch(`${running.url}/products/collections?altType=location`, {
      headers: goodHeaders,
    });
    expect([noAlt.status, await noAlt.text()]).toEqual([400, bad]);
  });

  it('answers 422 with class-validator messages for invalid query values', async () => {
    const running = await start();
    const altType = await fetch(`${running.url}/products/collections?altId=x&altType=LOCATION`, {
      headers: goodHeaders,
    });
    expect(altType.status).toBe(422);
    expect(await altType.text()).toBe(
      '{"statusCode":422,"message":["altType must be one of the following values: location"],"error":"Unprocessable Entity"}',
    );
    const paging = await list(running, '&limit=0&offset=-1');
    expect(paging.status).toBe(422);
    expect(await paging.json()).toEqual({
      statusCode: 422,
      message: ['limit must not be less than 1', 'offset must be an integer number'],
      error: 'Unprocessable Entity',
    });
    const fraction = await list(running, '&limit=1.5');
    expect((await fraction.json()).message).toEqual(['limit must be an integer number']);
  });

  it('enforces a sliding window and sends rate-limit headers on every response', async () => {
    const running = await start({ rateLimit: { limit: 3, intervalMs: 60_000 } });
    const statuses: number[] = [];
    const remaining: (string | null)[] = [];
    for (let index = 0; index < 4; index += 1) {
      const response = await list(running, '&limit=1');
      statuses.push(response.status);
      remaining.push(response.headers.get('x-ratelimit-remaining'));
      if (response.status === 429) {
        expect(await response.text()).toBe(
          '{"statusCode":429,"message":"Too Many Requests","error":"Too Many Requests"}',
        );
        expect(response.headers.get('retry-after')).toBe('60');
      }
      expect(response.headers.get('x-ratelimit-max')).toBe('3');
      expect(response.headers.get('x-ratelimit-interval-milliseconds')).toBe('60000');
      expect(response.headers.get('x-ratelimit-limit-daily')).toBe('200000');
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(remaining).toEqual(['2', '1', '0', '0']);
    running.reset();
    expect((await list(running, '')).status).toBe(200);
  });

  it('scales the rate-limit interval with timeScale', async () => {
    // A 2 s window: the second request must land inside it even when a busy machine delays it (100 ms did not).
    const running = await start({ rateLimit: { limit: 1, intervalMs: 100_000 }, timeScale: 0.02 });
    const first = await list(running, '');
    expect(first.headers.get('x-ratelimit-interval-milliseconds')).toBe('2000');
    expect((await list(running, '')).status).toBe(429);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect((await list(running, '')).status).toBe(200);
  });

  it('drifts on purpose in drifted mode: total as a string, items without name', async () => {
    const running = await start({ collections: 2, mode: 'drifted' });
    const body = await (await list(running, '')).json();
    expect(body.total).toBe('2');
    expect(body.data[0]).not.toHaveProperty('name');
    expect(body.data[0]._id).toBe(running.dataset.items[0]!._id);
  });

  it('answers 404 for unknown paths', async () => {
    const running = await start();
    const response = await fetch(`${running.url}/products/nope`, { headers: goodHeaders });
    expect(response.status).toBe(404);
    expect(await response.text()).toBe(
      '{"statusCode":404,"message":"Cannot GET /products/nope","error":"Not Found"}',
    );
  });

  it('logs method, raw url and redacted headers', async () => {
    const running = await start();
    await list(running, '&name=a%20b');
    expect(running.requestLog).toHaveLength(1);
    expect(running.requestLog[0]).toMatchObject({
      requestIndex: 0,
      method: 'GET',
      url: `/products/collections?altId=${running.locationId}&altType=location&name=a%20b`,
      status: 200,
    });
    expect(running.requestLog[0]?.headers.version).toBe('2021-07-28');
  });

  it('rejects bad options naming the option', async () => {
    await expect(startHighLevelSandbox({ collections: -1 })).rejects.toThrow('`collections`');
    await expect(startHighLevelSandbox({ rateLimit: { limit: 0, intervalMs: 1 } })).rejects.toThrow(
      '`rateLimit.limit`',
    );
    await expect(startHighLevelSandbox({ timeScale: 0 })).rejects.toThrow('`timeScale`');
    await expect(startHighLevelSandbox({ token: '' })).rejects.toThrow('`token`');
  });
});
