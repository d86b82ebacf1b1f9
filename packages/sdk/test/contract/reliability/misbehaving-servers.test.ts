import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type Collection,
  ConsistencyError,
  createCollectionsClient,
  getListProgress,
  PageSizeError,
} from '../../../src/index';
import { FAST } from '../../support/reliability/fault-schedule';
import {
  MAX_ITEMS,
  type ProviderName,
  type ProviderRig,
  startRig,
} from '../../support/reliability/providers';

/**
 * Servers that break the paging rules, played by the sandboxes (real HTTP on 127.0.0.1) through their fault hook:
 * a page-size cap below the request, a collection served on every page, optional fields sent as null. The
 * facade's promise holds for them too: every collection exactly once and in order, or a typed error — never a
 * silent partial or duplicated listing — and the model's optional fields are `undefined`, never null.
 */

const CAP = 7;

function clientFor(rig: ProviderRig, extra: Record<string, unknown> = {}) {
  return createCollectionsClient({
    [rig.name]: rig.block(),
    retry: FAST.retry,
    timeoutMs: 5_000,
    ...extra,
  });
}

async function drain(iterable: AsyncIterable<Collection>) {
  const ids: string[] = [];
  const error = await (async () => {
    for await (const collection of iterable) ids.push(collection.id);
  })().then(
    () => undefined,
    (e: unknown) => e,
  );
  return { ids, error };
}

/** The items the sandbox holds, as its API returns them. */
function served(rig: ProviderRig): unknown[] {
  const items = rig.sandbox.dataset.items as readonly unknown[];
  return rig.name === 'highlevel'
    ? [...items]
    : items.map((record) => (record as { collection: unknown }).collection);
}

/** The page the provider would serve for `url` if it capped `limit` at `cap` (Shoplazza: page numbers of that size). */
function cappedPage(rig: ProviderRig, url: URL, cap: number) {
  const all = served(rig);
  const limit = Math.min(Number(url.searchParams.get('limit') ?? 10), cap);
  if (rig.name === 'highlevel') {
    const offset = Number(url.searchParams.get('offset') ?? 0);
    return { status: 200, body: { data: all.slice(offset, offset + limit), total: all.length } };
  }
  const page = Number(url.searchParams.get('page') ?? 1);
  return { status: 200, body: { collections: all.slice((page - 1) * limit, page * limit) } };
}

/** `page/limit` (Shoplazza) or `offset/limit` (HighLevel) of each request the sandbox received. */
function wire(rig: ProviderRig): string[] {
  return rig.sandbox.requestLog.map((entry) => {
    const params = new URL(entry.url, 'http://x').searchParams;
    return `${params.get(rig.name === 'highlevel' ? 'offset' : 'page')}/${params.get('limit')}`;
  });
}

describe.each(['highlevel', 'shoplazza'] as const)('%s: misbehaving servers', (provider: ProviderName) => {
  let rig: ProviderRig;
  beforeAll(async () => {
    rig = await startRig(provider);
  });
  afterAll(async () => {
    await rig?.close();
  });

  test('optional fields sent as null: the model says undefined (absent), raw keeps the null', async () => {
    rig.reset(0);
    const nulls =
      provider === 'highlevel'
        ? {
            data: [
              {
                _id: 'a1',
                name: 'All null',
                altId: null,
                slug: null,
                image: null,
                seo: null,
                createdAt: null,
              },
            ],
            total: 1,
          }
        : {
            collections: [
              {
                id: '00000000-0000-4000-8000-000000000001',
                title: 'All null',
                handle: 'all-null',
                description: null,
                smart: null,
                image: null,
                seo_title: null,
                seo_description: null,
                seo_keywords: null,
                sort_order: null,
                created_at: null,
                updated_at: null,
              },
            ],
          };
    rig.route = ({ url }) =>
      (url.searchParams.get('page') ?? '1') === '1' && (url.searchParams.get('offset') ?? '0') === '0'
        ? { status: 200, body: nulls }
        : undefined;
    const listed: Collection[] = [];
    for await (const collection of clientFor(rig).list({ provider })) listed.push(collection);
    expect(listed).toHaveLength(1);
    const { raw, ...model } = listed[0]!;
    expect(Object.values(model).filter((value) => value === null)).toEqual([]);
    expect(model).toMatchObject({
      imageUrl: undefined,
      seo: undefined,
      createdAt: undefined,
      description: undefined,
      smart: undefined,
      sortOrder: undefined,
      updatedAt: undefined,
    });
    expect(model.handle).toBe(provider === 'highlevel' ? 'a1' : 'all-null');
    expect(Object.values(raw as object)).toContain(null);
  });

  test(`a server that serves ${CAP} per page when 50 are asked: never a silent partial listing`, async () => {
    rig.reset(MAX_ITEMS);
    rig.route = ({ url }) => cappedPage(rig, url, CAP);
    const { ids, error } = await drain(clientFor(rig).list({ provider, pageSize: 50 }));
    if (provider === 'highlevel') {
      // `total` shows the cap on the first page: it asks for what is served from then on, and lists everything.
      expect(error).toBeUndefined();
      expect(ids).toEqual(rig.ids());
      expect(wire(rig).slice(0, 2)).toEqual(['0/50', `${CAP - 1}/${CAP}`]);
      return;
    }
    // Shoplazza: the short first page is not taken as the end; the page after it is not empty, so it stops.
    expect(ids).toEqual([]);
    expect(error).toBeInstanceOf(PageSizeError);
    expect((error as PageSizeError).served).toBe(CAP);
    expect(wire(rig)).toEqual(['1/50', '2/50']);
    const resumeFrom = getListProgress(error)!.resumeCursor;
    expect(resumeFrom).toEqual({ provider: 'shoplazza', page: 1, pageSize: CAP });
    const resumed = await drain(clientFor(rig).list({ provider }, { resumeFrom }));
    expect(resumed.error).toBeUndefined();
    expect(resumed.ids).toEqual(rig.ids());
  });

  test('an honest short last page: the end is confirmed by one more (empty) page, and nothing is missed', async () => {
    rig.reset(12);
    rig.route = () => undefined;
    const { ids, error } = await drain(clientFor(rig).list({ provider, pageSize: 5 }));
    expect(error).toBeUndefined();
    expect(ids).toEqual(rig.ids());
    if (provider === 'shoplazza') {
      expect(wire(rig)).toEqual(['1/5', '2/5', '5/1', '3/5', '10/1', '4/5']);
      const page = await clientFor(rig).listPage({
        provider,
        cursor: { provider: 'shoplazza', page: 3, pageSize: 5 },
      });
      expect(page.items).toHaveLength(2);
      expect(page.nextCursor).toBeUndefined();
      expect(wire(rig).slice(-2)).toEqual(['3/5', '4/5']);
    } else {
      // `total` says where the end is: no extra request.
      expect(wire(rig)).toEqual(['0/5', '4/5', '8/5']);
    }
  });

  test('a server that serves the first collection again on every page: ConsistencyError, nothing yielded twice', async () => {
    rig.reset(MAX_ITEMS);
    const first = served(rig)[0];
    rig.route = ({ url }) => {
      const limit = Number(url.searchParams.get('limit'));
      const isFirst =
        (url.searchParams.get('page') ?? '1') === '1' && (url.searchParams.get('offset') ?? '0') === '0';
      if (limit < 4 || isFirst) return undefined; // probes and the first page answer normally
      const page = cappedPage(rig, url, limit);
      const items = (provider === 'highlevel' ? page.body.data : page.body.collections) as unknown[];
      if (items.length > 3) items[2] = first;
      return page;
    };
    const { ids, error } = await drain(clientFor(rig, { concurrency: 1 }).list({ provider, pageSize: 5 }));
    expect(new Set(ids).size).toBe(ids.length);
    expect(error).toBeInstanceOf(ConsistencyError);
    expect((error as Error).message).toContain(
      `collection ${rig.idOf(provider === 'highlevel' ? first : { collection: first })} was served twice`,
    );
    expect(getListProgress(error)?.resumeCursor).toEqual(
      provider === 'highlevel' ? { provider, offset: 0 } : { provider, page: 1, pageSize: 5 },
    );
  });
});
