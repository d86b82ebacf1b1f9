import { onRequest } from '@commerce-collections/contract';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AbortedError, getListProgress, ServerError, ValidationError } from '../../src/index';
import { collect, type Harness, LOCATION, startHarness } from './harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness(300);
});
afterAll(async () => {
  await harness?.close();
});
beforeEach(() => harness.reset());

const wire = (log: readonly { url: string }[]) =>
  log.map((entry) => new URL(entry.url, 'http://x').searchParams);

describe('early break and abort', () => {
  it('HighLevel: break stops further requests', async () => {
    // Count what the client sends (real HTTP underneath): a request aborted on our side may still reach the
    // sandbox through the proxy, so the sandbox's log is not the place to count from.
    let sent = 0;
    const counting: typeof fetch = (input, init) => {
      sent++;
      return fetch(input, init);
    };
    const client = harness.client({ concurrency: 2, fetch: counting });
    let seen = 0;
    for await (const _ of client.list({ provider: 'highlevel', pageSize: 10 })) if (++seen === 25) break;
    // Page 1, then a window of 2 kept full while pages 2 and 3 were consumed: pages 1–5, no more.
    expect(sent).toBe(5);
    await collect(harness.client().list({ provider: 'shoplazza', pageSize: 100 })); // other traffic meanwhile
    expect(sent).toBe(5);
  });

  it('Shoplazza: break stops further requests', async () => {
    let seen = 0;
    for await (const _ of harness.client().list({ provider: 'shoplazza', pageSize: 10 }))
      if (++seen === 15) break;
    // Page 1, page 2 and the probe of the 1|2 boundary (page 2 is shown once it checks out).
    expect(harness.shoplazza.sandbox.requestLog).toHaveLength(3);
  });

  it('abort aborts the request in flight (the sandbox is slow on purpose) and throws AbortedError', async () => {
    harness.faults.highlevel = onRequest(1, { delayMs: 5_000 });
    const controller = new AbortController();
    const client = harness.client({ concurrency: 1 });
    const error = await (async () => {
      for await (const c of client.list(
        { provider: 'highlevel', pageSize: 10 },
        { signal: controller.signal },
      )) {
        if (c.id === harness.highlevel.sandbox.dataset.items[9]?._id)
          setTimeout(() => controller.abort(), 20);
      }
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortedError);
    expect(getListProgress(error)).toEqual({
      provider: 'highlevel',
      yielded: 10,
      resumeCursor: { provider: 'highlevel', offset: 10 },
    });
  });
});

describe('filters', () => {
  it('unsupported filters fail before any request, naming the provider and the filter', () => {
    const client = harness.client();
    for (const filter of ['updatedAfter', 'updatedBefore', 'productId']) {
      expect(() => client.list({ [filter]: '2024-01-01T00:00:00Z' } as never)).toThrow(
        expect.objectContaining({ provider: 'highlevel', option: filter }),
      );
    }
    expect(() => client.list({ provider: 'shoplazza', pageSize: 0 })).toThrow(ValidationError);
    expect(harness.highlevel.sandbox.requestLog).toHaveLength(0);
    expect(harness.shoplazza.sandbox.requestLog).toHaveLength(0);
  });

  it('HighLevel filters reach the wire and the answers honour them', async () => {
    const all = harness.highlevel.sandbox.dataset.items;
    const ids = [all[3]!._id, all[150]!._id];
    const byIds = await collect(harness.client().list({ provider: 'highlevel', ids }));
    expect(byIds.map((c) => c.id)).toEqual(ids);
    const word = all[7]!.name.split(' ')[0]!;
    const byName = await collect(
      harness.client().list({ provider: 'highlevel', search: word, pageSize: 10 }),
    );
    expect(byName.map((c) => c.id)).toEqual(
      all.filter((item) => item.name.toLowerCase().includes(word.toLowerCase())).map((item) => item._id),
    );
    const log = wire(harness.highlevel.sandbox.requestLog);
    const first = log.find((query) => query.has('collectionIds'));
    const second = log.find((query) => query.has('name'));
    expect(first?.get('collectionIds')).toBe(ids.join(','));
    expect(first?.get('altId')).toBe(LOCATION);
    expect(first?.get('altType')).toBe('location');
    expect(second?.get('name')).toBe(word);
    expect(second?.get('limit')).toBe('10');
  });

  it('Shoplazza filters reach the wire and the answers honour them', async () => {
    const dataset = harness.shoplazza.sandbox.dataset;
    const productId = dataset.productIds[0]!;
    const after = '2020-01-01T00:00:00+01:00';
    const before = new Date('2100-01-01T00:00:00Z');
    const found = await collect(
      harness
        .client()
        .list({ provider: 'shoplazza', productId, updatedAfter: after, updatedBefore: before, pageSize: 50 }),
    );
    expect(found.map((c) => c.id)).toEqual(
      dataset.items
        .filter((record) => record.productIds.includes(productId))
        .map((record) => record.collection.id),
    );
    const query = wire(harness.shoplazza.sandbox.requestLog).find((q) => q.has('product_id'))!;
    expect(query.get('product_id')).toBe(productId);
    expect(query.get('updated_at_min')).toBe('2019-12-31T23:00:00Z');
    expect(query.get('updated_at_max')).toBe('2100-01-01T00:00:00Z');
    expect(query.get('limit')).toBe('50');
    expect(query.get('page')).toBe('1');
  });
});

describe('resume after a failure', () => {
  it('HighLevel: a 500 mid-listing carries progress; resumeFrom finishes without duplicates', async () => {
    harness.faults.highlevel = onRequest(3, { status: 500, body: { statusCode: 500, message: 'Internal' } });
    const client = harness.client({ retry: false, concurrency: 2 });
    const got: string[] = [];
    const error = await (async () => {
      for await (const c of client.list({ provider: 'highlevel', pageSize: 25 })) got.push(c.id);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    const progress = getListProgress(error)!;
    expect(progress.yielded).toBe(got.length);
    expect(progress.resumeCursor).toEqual({ provider: 'highlevel', offset: got.length });
    harness.faults.highlevel = undefined;
    for await (const c of client.list(
      { provider: 'highlevel', pageSize: 25 },
      { resumeFrom: progress.resumeCursor },
    )) {
      got.push(c.id);
    }
    expect(got).toEqual(harness.highlevel.sandbox.dataset.items.map((item) => item._id));
  });

  it('across providers: a Shoplazza failure after HighLevel finished resumes at the failed Shoplazza page', async () => {
    harness.reset({ highlevel: 30, shoplazza: 60 });
    // Request 3 is page 3 (after page 1, page 2 and the probe of the 1|2 boundary).
    harness.faults.shoplazza = onRequest(3, { resetConnection: 'before-headers' });
    const client = harness.client({ retry: false });
    const got: string[] = [];
    const error = await (async () => {
      for await (const c of client.list({ pageSize: 20 })) got.push(c.id);
    })().catch((e: unknown) => e);
    const progress = getListProgress(error)!;
    expect(progress).toEqual({
      provider: 'shoplazza',
      yielded: 40,
      resumeCursor: { provider: 'shoplazza', page: 3, pageSize: 20 },
    });
    for await (const c of client.list({ pageSize: 20 }, { resumeFrom: progress.resumeCursor }))
      got.push(c.id);
    expect(got).toEqual([
      ...harness.highlevel.sandbox.dataset.items.map((item) => item._id),
      ...harness.shoplazza.sandbox.dataset.items.map((record) => record.collection.id),
    ]);
  });
});
