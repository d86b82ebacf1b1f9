import { afterEach, describe, expect, it } from 'vitest';
import {
  type ShoplazzaSandbox,
  type ShoplazzaSandboxOptions,
  startShoplazzaSandbox,
} from '../../src/sandbox/shoplazza';

let sandbox: ShoplazzaSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function start(options: ShoplazzaSandboxOptions = {}): Promise<ShoplazzaSandbox> {
  sandbox = await startShoplazzaSandbox({ rateLimit: false, ...options });
  return sandbox;
}

const goodHeaders = { 'access-token': 'sandbox-token', 'Content-Type': 'application/json' };

function list(running: ShoplazzaSandbox, query = '', headers: Record<string, string> = goodHeaders) {
  return fetch(`${running.url}/openapi/2022-01/collections${query}`, { headers });
}

describe('Shoplazza sandbox', () => {
  it('serves page 1 of 10 by default, exact bytes, with Request-Id', async () => {
    const running = await start({ collections: 25 });
    const response = await list(running);
    expect(response.status).toBe(200);
    expect(response.headers.get('request-id')).toBe('sandbox-0');
    const expected = JSON.stringify({
      collections: running.dataset.items.slice(0, 10).map((r) => r.collection),
    });
    expect(await response.text()).toBe(expected);
    const first = running.dataset.items[0]!.collection;
    expect(first.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(first.image.src).toMatch(/^\/\/cdn\.shoplazza\.com\/[0-9a-f]+\.jpeg$/);
    expect(first.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(first.sort_order).toBe('manual');
    expect((await list(running)).headers.get('request-id')).toBe('sandbox-1');
  });

  it('pages by page/limit; a short page is the last', async () => {
    const running = await start({ collections: 25 });
    const sizes: number[] = [];
    for (let page = 1; page <= 4; page += 1) {
      const body = await (await list(running, `?page=${page}&limit=10`)).json();
      sizes.push(body.collections.length);
    }
    expect(sizes).toEqual([10, 10, 5, 0]);
    const last = await (await list(running, '?page=3&limit=10')).json();
    expect(last.collections).toEqual(running.dataset.items.slice(20).map((r) => r.collection));
  });

  it('filters by ids, title, updated_at bounds (inclusive, offsets accepted) and product_id', async () => {
    const running = await start({ collections: 60 });
    const items = running.dataset.items.map((r) => r.collection);
    const ids = [items[3]!.id, items[40]!.id];
    const byIds = await (await list(running, `?ids=${ids.join(',')}`)).json();
    expect(byIds.collections.map((c: { id: string }) => c.id)).toEqual(ids);

    const needle = items[5]!.title.slice(0, 5).toLowerCase();
    const byTitle = await (await list(running, `?title=${encodeURIComponent(needle)}&limit=100`)).json();
    expect(byTitle.collections).toEqual(items.filter((c) => c.title.toLowerCase().includes(needle)));

    const bound = items[10]!.updated_at;
    const byMin = await (await list(running, `?updated_at_min=${bound}&limit=100`)).json();
    expect(byMin.collections).toEqual(items.filter((c) => c.updated_at >= bound));
    expect(byMin.collections).toContainEqual(items[10]);
    const byMax = await (await list(running, `?updated_at_max=${bound}&limit=100`)).json();
    expect(byMax.collections).toEqual(items.filter((c) => c.updated_at <= bound));

    // The same instant written with a +08:00 offset, once encoded and once with a raw '+' (decodes to ' ').
    const instant = new Date(Date.parse(bound) + 8 * 3_600_000).toISOString().slice(0, 19);
    for (const value of [encodeURIComponent(`${instant}+08:00`), `${instant}+08:00`]) {
      const body = await (await list(running, `?updated_at_max=${value}&limit=100`)).json();
      expect(body.collections).toEqual(byMax.collections);
    }

    const product = running.dataset.items.find((r) => r.productIds.length > 0)!.productIds[0]!;
    const byProduct = await (await list(running, `?product_id=${product}&limit=100`)).json();
    expect(byProduct.collections).toEqual(
      running.dataset.items.filter((r) => r.productIds.includes(product)).map((r) => r.collection),
    );
    expect(byProduct.collections.length).toBeGreaterThan(0);
  });

  it('answers the vendor error bytes: 401 (both bodies), 404, 422', async () => {
    const running = await start();
    const cases: [string, Record<string, string>, number, string][] = [
      ['', { 'Content-Type': 'application/json' }, 401, '{"error":"Unauthorized"}'],
      ['', { 'access-token': 'wrong' }, 401, '{"error":"Unauthorized"}'],
      ['?updated_at_min=2024-01-01', goodHeaders, 422, '{"errors":["UpdatedAtMin time format error"]}'],
      ['?updated_at_max=yesterday', goodHeaders, 422, '{"errors":["UpdatedAtMax time format error"]}'],
      ['?limit=101', goodHeaders, 422, '{"errors":["limit must be between 1 and 100"]}'],
      ['?limit=0', goodHeaders, 422, '{"errors":["limit must be between 1 and 100"]}'],
      ['?page=0', goodHeaders, 422, '{"errors":["limit must be between 1 and 100"]}'],
    ];
    for (const [query, headers, status, body] of cases) {
      const response = await list(running, query, headers);
      expect([query, response.status, await response.text()]).toEqual([query, status, body]);
      expect(response.headers.get('request-id')).toMatch(/^sandbox-\d+$/);
    }
    const notFound = await fetch(`${running.url}/openapi/2022-01/products`, { headers: goodHeaders });
    expect([notFound.status, await notFound.text()]).toEqual([404, '{"errors":["Not Found"]}']);
    expect(JSON.stringify(running.requestLog)).not.toContain('sandbox-token');
    expect(running.requestLog[0]?.headers['access-token']).toBeUndefined();
    expect(running.requestLog[1]?.headers['access-token']).toBe('[redacted]');

    await running.close();
    const inactive = await start({ inactive: true });
    const response = await list(inactive);
    expect([response.status, await response.text()]).toEqual([401, '{"error":"store is not active"}']);
  });

  it('enforces a 2/s leaky bucket with Retry-After: 1', async () => {
    const running = await start({ rateLimit: { limit: 2, intervalMs: 60_000 } });
    const statuses: number[] = [];
    for (let index = 0; index < 3; index += 1) {
      const response = await list(running);
      statuses.push(response.status);
      if (response.status === 429) {
        expect(response.headers.get('retry-after')).toBe('1');
        expect(await response.text()).toBe('{"errors":["Too Many Requests"]}');
      }
    }
    expect(statuses).toEqual([200, 200, 429]);
  });

  it('drains the bucket over time (the real 2/s shape: a slot frees every 500 ms)', async () => {
    // Unscaled on purpose: scaled 20-fold, three back-to-back requests on a loaded CI machine can take longer than
    // the 25 ms in which a slot drains, and the third is then (rightly) accepted.
    const running = await start({ rateLimit: { limit: 2, intervalMs: 1000 } });
    const burst = await Promise.all([list(running), list(running), list(running)]);
    expect(burst.map((response) => response.status).sort()).toEqual([200, 200, 429]);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await list(running)).status).toBe(200);
  });

  it('drifts on purpose: smart as a string, items without id', async () => {
    const running = await start({ collections: 2, mode: 'drifted' });
    const body = await (await list(running)).json();
    expect(body.collections[0]).not.toHaveProperty('id');
    expect(body.collections[0].smart).toBe(String(running.dataset.items[0]!.collection.smart));
  });

  it('rejects a bad shop option naming it', async () => {
    await expect(startShoplazzaSandbox({ shop: 'no spaces' })).rejects.toThrow('`shop`');
  });
});
