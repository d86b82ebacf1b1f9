import { afterEach, describe, expect, it } from 'vitest';
import { onRequest } from '../../src/sandbox/faults';
import {
  type ShoplazzaSandbox,
  type ShoplazzaSandboxOptions,
  startShoplazzaSandbox,
} from '../../src/sandbox/shoplazza';
import type { ShoplazzaCollectionRecord } from '../../src/sandbox/shoplazza-data';

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
const PATH = '/openapi/2025-06/collections';

function list(running: ShoplazzaSandbox, query = '', headers: Record<string, string> = goodHeaders) {
  return fetch(`${running.url}${PATH}${query}`, { headers });
}

interface Page {
  code: string;
  message: string;
  data: { collections: { id: string; title: string }[]; cursor: string; has_more: boolean };
}

/** Follows the cursor to the end; `between(pageIndex)` runs after each page (to mutate the dataset). */
async function walk(
  running: ShoplazzaSandbox,
  query: string,
  between: (pageIndex: number) => void = () => {},
) {
  const ids: string[] = [];
  const cursors: string[] = [];
  let cursor: string | undefined;
  for (let pageIndex = 0; pageIndex < 100; pageIndex += 1) {
    const suffix = cursor === undefined ? '' : `&cursor=${encodeURIComponent(cursor)}`;
    const response = await list(running, `?${query}${suffix}`);
    expect(response.status).toBe(200);
    const page = (await response.json()) as Page;
    ids.push(...page.data.collections.map((collection) => collection.id));
    if (!page.data.has_more) return { ids, cursors, lastCursor: page.data.cursor };
    cursor = page.data.cursor;
    cursors.push(cursor);
    between(pageIndex);
  }
  throw new Error('the listing did not end');
}

/** A copy of a generated record under a new id, created at `createdAt`. */
function copyOf(record: ShoplazzaCollectionRecord, id: string, createdAt: string): ShoplazzaCollectionRecord {
  return { ...record, collection: { ...record.collection, id, created_at: createdAt } };
}

const idsOf = (running: ShoplazzaSandbox) => running.dataset.items.map((record) => record.collection.id);

describe('Shoplazza sandbox, API version 2025-06', () => {
  it('serves the envelope: 10 by default in created_at order, exact bytes, has_more and a cursor', async () => {
    const running = await start({ collections: 25 });
    const response = await list(running);
    expect(response.status).toBe(200);
    expect(response.headers.get('request-id')).toBe('sandbox-0');
    const page = (await response.json()) as Page;
    expect(page.code).toBe('200');
    expect(page.message).toBe('Success');
    expect(page.data.has_more).toBe(true);
    expect(page.data.cursor).toMatch(/^[A-Za-z0-9_-]{1,1024}$/);
    const expected = JSON.stringify({
      code: '200',
      message: 'Success',
      data: {
        collections: running.dataset.items.slice(0, 10).map((record) => record.collection),
        cursor: page.data.cursor,
        has_more: true,
      },
    });
    expect(JSON.stringify(page)).toBe(expected);
  });

  it('walks every collection once, one request per page; the last page has has_more false and cursor ""', async () => {
    const running = await start({ collections: 25 });
    const { ids, cursors, lastCursor } = await walk(running, 'page_size=10');
    expect(ids).toEqual(idsOf(running));
    expect(cursors).toHaveLength(2);
    expect(new Set(cursors).size).toBe(2);
    expect(lastCursor).toBe('');
    expect(running.requestLog.map((entry) => entry.url.split('&cursor=')[0])).toEqual(
      Array(3).fill(`${PATH}?page_size=10`),
    );
    const exact = await walk(running, 'page_size=5');
    expect(exact.ids).toEqual(idsOf(running));
    expect(exact.cursors).toHaveLength(4);
  });

  it('takes page_size 1 and 100; answers 422 for 0, 101 and non-integers', async () => {
    const running = await start({ collections: 120 });
    const one = (await (await list(running, '?page_size=1')).json()) as Page;
    expect(one.data.collections).toHaveLength(1);
    const hundred = (await (await list(running, '?page_size=100')).json()) as Page;
    expect(hundred.data.collections).toHaveLength(100);
    for (const value of ['0', '101', '1.5', '-1', '', 'ten']) {
      const response = await list(running, `?page_size=${value}`);
      expect([value, response.status, await response.text()]).toEqual([
        value,
        422,
        '{"errors":["PageSize must be between 1 and 100"]}',
      ]);
    }
  });

  it('answers 422 to a cursor it did not issue for these filters', async () => {
    const running = await start({ collections: 30 });
    const first = (await (await list(running, '?page_size=5')).json()) as Page;
    const issued = first.data.cursor;
    const offsetCursor = Buffer.from(JSON.stringify({ o: 5, f: 'x' })).toString('base64url');
    for (const cursor of ['', 'garbage!', 'bm90IGpzb24', 'x'.repeat(1025), offsetCursor]) {
      const response = await list(running, `?cursor=${encodeURIComponent(cursor)}`);
      expect([cursor.slice(0, 20), response.status, await response.text()]).toEqual([
        cursor.slice(0, 20),
        422,
        '{"errors":["Cursor is invalid"]}',
      ]);
    }
    // The same cursor with other filters is refused; with the same filters (any page_size) it continues.
    expect((await list(running, `?page_size=5&title=Kids&cursor=${issued}`)).status).toBe(422);
    expect((await list(running, `?page_size=7&cursor=${issued}`)).status).toBe(200);
  });

  it('filters by comma-joined ids, title, updated_at bounds and product_id; 422 for repeated or blank ids', async () => {
    const running = await start({ collections: 60 });
    const items = running.dataset.items.map((record) => record.collection);
    const ids = [items[3]!.id, items[40]!.id];
    const byIds = (await (await list(running, `?ids=${ids.join(',')}`)).json()) as Page;
    expect(byIds.data.collections.map((collection) => collection.id)).toEqual(ids);
    expect(byIds.data.has_more).toBe(false);
    const needle = items[5]!.title.slice(0, 5).toLowerCase();
    const byTitle = (await (
      await list(running, `?title=${encodeURIComponent(needle)}&page_size=100`)
    ).json()) as Page;
    expect(byTitle.data.collections).toEqual(items.filter((c) => c.title.toLowerCase().includes(needle)));
    const bound = items[10]!.updated_at;
    const byMin = (await (await list(running, `?updated_at_min=${bound}&page_size=100`)).json()) as Page;
    expect(byMin.data.collections).toEqual(items.filter((c) => c.updated_at >= bound));
    const product = running.dataset.items.find((r) => r.productIds.length > 0)!.productIds[0]!;
    const byProduct = (await (await list(running, `?product_id=${product}&page_size=100`)).json()) as Page;
    expect(byProduct.data.collections).toEqual(
      running.dataset.items.filter((r) => r.productIds.includes(product)).map((r) => r.collection),
    );
    const cases: [string, string][] = [
      [`?ids=${ids[0]}&ids=${ids[1]}`, '{"errors":["Ids format error"]}'],
      [`?ids=${ids[0]},,${ids[1]}`, '{"errors":["Ids format error"]}'],
      ['?ids=', '{"errors":["Ids format error"]}'],
      ['?updated_at_min=2024-01-01', '{"errors":["UpdatedAtMin time format error"]}'],
      ['?updated_at_max=yesterday', '{"errors":["UpdatedAtMax time format error"]}'],
    ];
    for (const [query, body] of cases) {
      const response = await list(running, query);
      expect([query, response.status, await response.text()]).toEqual([query, 422, body]);
    }
  });

  it('keyset cursor: inserts and deletes between pages never repeat or skip a collection present throughout', async () => {
    const running = await start({ collections: 30 });
    const original = [...running.dataset.items];
    const early = copyOf(original[0]!, '00000000-0000-4000-8000-000000000001', '2000-01-01T00:00:00Z');
    const late = copyOf(original[0]!, 'ffffffff-ffff-4fff-bfff-ffffffffffff', '2099-01-01T00:00:00Z');
    const { ids } = await walk(running, 'page_size=10', (pageIndex) => {
      if (pageIndex !== 0) return;
      running.dataset.insert(early, 0); // before the cursor
      running.dataset.insert(late); // after it
      running.dataset.remove([original[2]!.collection.id, original[9]!.collection.id]); // seen, and the cursor's item
      running.dataset.remove(original[20]!.collection.id); // not seen yet
    });
    const expected = original
      .map((record) => record.collection.id)
      .filter((id) => id !== original[20]!.collection.id)
      .concat(late.collection.id);
    expect(ids).toEqual(expected);
  });

  it("cursorMode 'offset' is unstable on purpose: an insert before the position repeats, a delete skips", async () => {
    const running = await start({ collections: 30, cursorMode: 'offset' });
    const original = idsOf(running);
    const early = copyOf(
      running.dataset.items[0]!,
      '00000000-0000-4000-8000-000000000001',
      '2000-01-01T00:00:00Z',
    );
    const repeated = await walk(running, 'page_size=10', (pageIndex) => {
      if (pageIndex === 0) running.dataset.insert(early, 0);
    });
    expect(repeated.ids).toEqual([...original.slice(0, 10), original[9], ...original.slice(10)]);

    running.reset();
    const skipped = await walk(running, 'page_size=10', (pageIndex) => {
      if (pageIndex === 0) running.dataset.remove(original[0]!);
    });
    expect(skipped.ids).toEqual([...original.slice(0, 10), ...original.slice(11)]);
    // The keyset sandbox refuses an offset cursor and vice versa: the modes are not interchangeable.
    const keyset = await startShoplazzaSandbox({ rateLimit: false, collections: 30 });
    try {
      const page = (await (await list(running, '?page_size=10')).json()) as Page;
      const response = await fetch(`${keyset.url}${PATH}?page_size=10&cursor=${page.data.cursor}`, {
        headers: goodHeaders,
      });
      expect(response.status).toBe(422);
    } finally {
      await keyset.close();
    }
  });

  it('shares one rate-limit bucket with 2022-01 (Retry-After: 1)', async () => {
    const running = await start({ rateLimit: { limit: 2, intervalMs: 60_000 } });
    const v2022 = await fetch(`${running.url}/openapi/2022-01/collections`, { headers: goodHeaders });
    const v2025 = await list(running);
    const limited = await list(running);
    const limitedOld = await fetch(`${running.url}/openapi/2022-01/collections`, { headers: goodHeaders });
    expect([v2022.status, v2025.status, limited.status, limitedOld.status]).toEqual([200, 200, 429, 429]);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(await limited.text()).toBe('{"errors":["Too Many Requests"]}');
  });

  it('answers 401 (wrong token, inactive store) and 404 for other 2025-06 paths', async () => {
    const running = await start();
    const wrong = await list(running, '', { 'access-token': 'wrong' });
    expect([wrong.status, await wrong.text()]).toEqual([401, '{"error":"Unauthorized"}']);
    const other = await fetch(`${running.url}/openapi/2025-06/products`, { headers: goodHeaders });
    expect([other.status, await other.text()]).toEqual([404, '{"errors":["Not Found"]}']);
    expect(JSON.stringify(running.requestLog)).not.toContain('sandbox-token');
    await running.close();
    const inactive = await start({ inactive: true });
    const response = await list(inactive);
    expect([response.status, await response.text()]).toEqual([401, '{"error":"store is not active"}']);
  });

  it('applies fault hooks and drift to 2025-06 as to 2022-01', async () => {
    const running = await start({
      collections: 3,
      faults: onRequest(0, { status: 500, body: { errors: ['No context'] } }),
    });
    const failed = await list(running);
    expect([failed.status, await failed.text(), failed.headers.get('request-id')]).toEqual([
      500,
      '{"errors":["No context"]}',
      'sandbox-0',
    ]);
    expect((await list(running)).status).toBe(200);
    await running.close();
    const drifted = await start({ collections: 2, mode: 'drifted' });
    const page = await (await list(drifted)).json();
    expect(page.data.collections[0]).not.toHaveProperty('id');
    expect(page.data.collections[0].smart).toBe(String(drifted.dataset.items[0]!.collection.smart));
  });

  it('rejects a bad cursorMode option naming it', async () => {
    await expect(
      startShoplazzaSandbox({ cursorMode: 'random' as ShoplazzaSandboxOptions['cursorMode'] }),
    ).rejects.toThrow('`cursorMode`');
  });
});
