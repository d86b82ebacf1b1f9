import type { HighLevelCollection } from '@commerce-collections/highlevel';
import type { ShoplazzaCollection } from '@commerce-collections/shoplazza';

/** A fetch that answers like one of the two APIs from an in-memory list, and records what it was asked. */
export interface FakeServer<Item> {
  fetch: typeof globalThis.fetch;
  /** Every request URL, in the order received. */
  calls: URL[];
  /** Requests currently being answered (delayed ones included). */
  inFlight: number;
  maxInFlight: number;
  /** Requests whose signal fired while they were being answered. */
  aborted: number;
  items: Item[];
}

export interface FakeOptions<Item> {
  /**
   * Serve at most this many items per page, whatever `limit` asks (a server-side cap; read on every request, so
   * a test may change it mid-listing). Shoplazza's page number then counts pages of the capped size.
   */
  maxLimit?: number;
  /** Wait this long before answering (abortable): lets requests overlap without asserting any time. */
  delayMs?: number;
  /** Runs before each answer; return a Response to answer with it instead. May mutate `items`. */
  onRequest?: (
    index: number,
    url: URL,
    items: Item[],
  ) => Response | undefined | Promise<Response | undefined>;
}

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

function json(body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

function fakeServer<Item>(
  items: Item[],
  options: FakeOptions<Item>,
  answer: (url: URL, items: Item[], index: number) => Response,
): FakeServer<Item> {
  const server: FakeServer<Item> = {
    calls: [],
    inFlight: 0,
    maxInFlight: 0,
    aborted: 0,
    items,
    fetch: async (input, init) => {
      const request = input instanceof Request ? input : new Request(input, init);
      const url = new URL(request.url);
      const index = server.calls.length;
      server.calls.push(url);
      server.inFlight++;
      server.maxInFlight = Math.max(server.maxInFlight, server.inFlight);
      try {
        if (options.delayMs !== undefined) await wait(options.delayMs, request.signal);
        const override = await options.onRequest?.(index, url, server.items);
        if (override !== undefined) return override;
        return answer(url, server.items, index);
      } catch (error) {
        if (request.signal.aborted) server.aborted++;
        throw error;
      } finally {
        server.inFlight--;
      }
    },
  };
  return server;
}

export function highLevelItems(count: number, prefix = 'hl'): HighLevelCollection[] {
  return Array.from({ length: count }, (_, index) => ({
    _id: `${prefix}-${String(index).padStart(5, '0')}`,
    altId: 'loc-1',
    name: `Collection ${index}`,
    slug: `collection-${index}`,
  }));
}

export function shoplazzaItems(count: number, prefix = 'sl'): ShoplazzaCollection[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `${prefix}-${String(index).padStart(5, '0')}`,
    title: `Collection ${index}`,
    handle: `collection-${index}`,
  }));
}

/** HighLevel's GET /products/collections: offset/limit paging with `total`, `collectionIds` and `name`. */
export function fakeHighLevel(
  items: HighLevelCollection[],
  options: FakeOptions<HighLevelCollection> = {},
): FakeServer<HighLevelCollection> {
  return fakeServer(items, options, (url, all) => {
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 10), options.maxLimit ?? Infinity);
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const ids = url.searchParams.get('collectionIds')?.split(',');
    const name = url.searchParams.get('name');
    const matching = all.filter(
      (item) => (ids === undefined || ids.includes(item._id)) && (name === null || item.name.includes(name)),
    );
    return json({ data: matching.slice(offset, offset + limit), total: matching.length });
  });
}

/** Shoplazza's GET /openapi/2022-01/collections: page/limit paging, no total. */
export function fakeShoplazza(
  items: ShoplazzaCollection[],
  options: FakeOptions<ShoplazzaCollection> = {},
): FakeServer<ShoplazzaCollection> {
  return fakeServer(items, options, (url, all, index) => {
    // A cap clamps the limit before the page's position is computed, as a server that caps would.
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 10), options.maxLimit ?? Infinity);
    const page = Number(url.searchParams.get('page') ?? 1);
    const ids = url.searchParams.get('ids')?.split(',');
    const title = url.searchParams.get('title');
    const matching = all.filter(
      (item) =>
        (ids === undefined || ids.includes(item.id)) && (title === null || item.title.includes(title)),
    );
    return json(
      { collections: matching.slice((page - 1) * limit, page * limit) },
      { 'request-id': `req-${index}` },
    );
  });
}

/**
 * A fetch that answers like `server` and lets `rewrite` change the JSON body first (e.g. a server that serves a
 * collection twice). Headers and status are kept.
 */
export function rewritingFetch(
  server: FakeServer<unknown>,
  rewrite: (body: Record<string, unknown>, url: URL, index: number) => void,
): typeof globalThis.fetch {
  return async (input, init) => {
    const response = await server.fetch(input, init);
    const index = server.calls.length - 1;
    const body = (await response.json()) as Record<string, unknown>;
    rewrite(body, server.calls[index]!, index);
    return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
  };
}

/**
 * Shoplazza's GET /openapi/2025-06/collections: `cursor`/`page_size`, the `{ code, message, data }` envelope.
 * The list is served in id order. By default the cursor is a keyset (the last id served: stable under inserts
 * and deletes); `positional: true` makes it an offset in disguise, as an unstable server's would be.
 */
export function fakeShoplazza2025(
  items: ShoplazzaCollection[],
  options: FakeOptions<ShoplazzaCollection> & { positional?: boolean } = {},
): FakeServer<ShoplazzaCollection> {
  return fakeServer(items, options, (url, all, index) => {
    const size = Math.min(Number(url.searchParams.get('page_size') ?? 10), options.maxLimit ?? Infinity);
    const cursor = url.searchParams.get('cursor');
    const ids = url.searchParams.get('ids')?.split(',');
    const title = url.searchParams.get('title');
    const matching = all
      .filter(
        (item) =>
          (ids === undefined || ids.includes(item.id)) && (title === null || item.title.includes(title)),
      )
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    let start = 0;
    if (cursor?.startsWith('o.')) start = Number(cursor.slice(2));
    else if (cursor?.startsWith('k.')) start = matching.filter((item) => item.id <= cursor.slice(2)).length;
    const page = matching.slice(start, start + size);
    const hasMore = start + page.length < matching.length;
    const last = page.at(-1)?.id;
    const next = options.positional ? `o.${start + page.length}` : `k.${last}`;
    return json(
      {
        code: '200',
        message: 'Success',
        data: { collections: page, cursor: hasMore ? next : '', has_more: hasMore },
      },
      { 'request-id': `req-${index}` },
    );
  });
}
