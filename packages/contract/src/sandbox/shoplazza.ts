import { resolveSandboxOptions } from './options';
import { parseNonNegativeInteger } from './query';
import { createLeakyBucketLimiter, type RateLimiter } from './rate-limit';
import {
  jsonResponse,
  type SandboxProvider,
  type SandboxRequest,
  type SandboxResponse,
  startSandboxServer,
} from './server';
import { listShoplazza202506, shoplazza202506ErrorBodies } from './shoplazza-202506';
import type { ShoplazzaCursorMode } from './shoplazza-cursor';
import {
  createShoplazzaDataset,
  type ShoplazzaCollection,
  type ShoplazzaCollectionRecord,
  type ShoplazzaDataset,
} from './shoplazza-data';
import {
  matchesShoplazzaFilters,
  readShoplazzaFilters,
  type ShoplazzaErrorList,
  type ShoplazzaFilters,
  shoplazzaTimeErrors,
} from './shoplazza-filters';
import type { RunningSandbox, SandboxOptionsBase } from './types';

export { parseShoplazzaTime } from './shoplazza-filters';

export interface ShoplazzaSandboxOptions
  extends SandboxOptionsBase<ShoplazzaDataset, ShoplazzaCollectionRecord> {
  /** The shop (the `{shop}` of `{shop}.myshoplazza.com`); part of the data seed. Default `'sandbox'`. */
  shop?: string;
  /**
   * Answer every request with 401 `store is not active`, the body the vendor gives for a missing or invalid
   * access token (the spec's `storeNotActive` example).
   */
  inactive?: boolean;
  /**
   * What the 2025-06 cursor is underneath: `'keyset'` (default; stable under inserts and deletes) or
   * `'offset'` (unstable on purpose: an insert before the position repeats an item, a delete skips one).
   */
  cursorMode?: ShoplazzaCursorMode;
}

export type ShoplazzaSandbox = RunningSandbox<ShoplazzaDataset> & { shop: string; token: string };

export const shoplazzaPath = '/openapi/2022-01/collections';
export const shoplazza202506Path = '/openapi/2025-06/collections';
export const shoplazzaDefaultRateLimit = { limit: 2, intervalMs: 1000 } as const;

/** The vendor's error bodies, byte for byte, for fault hooks and assertions. */
export const shoplazzaErrorBodies = {
  unauthorized: { error: 'Unauthorized' },
  inactive: { error: 'store is not active' },
  notFound: { errors: ['Not Found'] },
  ...shoplazzaTimeErrors,
  ...shoplazza202506ErrorBodies,
  limitRange: { errors: ['limit must be between 1 and 100'] },
  // The vendor does not document the 429 wording: the spec's `rateLimited` example.
  tooManyRequests: { errors: ['Too Many Requests'] },
  noContext: { errors: ['No context'] },
} as const;

interface ShoplazzaQuery extends ShoplazzaFilters {
  page: number;
  limit: number;
}

function parseQuery(query: URLSearchParams): ShoplazzaQuery | ShoplazzaErrorList {
  const filters = readShoplazzaFilters(query);
  if ('errors' in filters) return filters;
  const page = parseNonNegativeInteger(query.get('page') ?? '1');
  const limit = parseNonNegativeInteger(query.get('limit') ?? '10');
  if (page === undefined || page < 1 || limit === undefined || limit < 1 || limit > 100) {
    return shoplazzaErrorBodies.limitRange;
  }
  return { ...filters, page, limit };
}

function readShop(options: ShoplazzaSandboxOptions): string {
  const shop = options.shop ?? 'sandbox';
  if (typeof shop !== 'string' || !/^[a-z0-9][a-z0-9-]*$/i.test(shop)) {
    throw new TypeError(
      `Sandbox option \`shop\` must be a shop subdomain like 'my-shop'; got ${JSON.stringify(shop)}.`,
    );
  }
  return shop;
}

function readCursorMode(options: ShoplazzaSandboxOptions): ShoplazzaCursorMode {
  const cursorMode = options.cursorMode ?? 'keyset';
  if (cursorMode !== 'keyset' && cursorMode !== 'offset') {
    throw new TypeError(
      `Sandbox option \`cursorMode\` must be 'keyset' or 'offset'; got ${JSON.stringify(cursorMode)}.`,
    );
  }
  return cursorMode;
}

interface ShoplazzaHandlerContext {
  token: string;
  limiter: RateLimiter | undefined;
  inactive: boolean;
  cursorMode: ShoplazzaCursorMode;
  dataset: ShoplazzaDataset;
  /** A collection as the sandbox sends it (changed on purpose in `drifted` mode). */
  present: (collection: ShoplazzaCollection) => unknown;
}

// Deterministic ids so tests can assert them: sandbox-0, sandbox-1, ... (restart at reset()).
function baseHeaders(request: SandboxRequest): Record<string, string> {
  return { 'Request-Id': `sandbox-${request.requestIndex}` };
}

function presentDrifted(collection: ShoplazzaCollection): unknown {
  // Drift on purpose: `smart` as a string, and no `id`.
  const { id: _id, ...rest } = collection;
  return { ...rest, smart: String(collection.smart) };
}

function list202201(
  searchParams: URLSearchParams,
  headers: Record<string, string>,
  context: ShoplazzaHandlerContext,
): SandboxResponse {
  const query = parseQuery(searchParams);
  if ('errors' in query) return jsonResponse(422, query, headers);
  const matching = context.dataset.items.filter((record) => matchesShoplazzaFilters(record, query));
  const page = matching.slice((query.page - 1) * query.limit, query.page * query.limit);
  return jsonResponse(
    200,
    { collections: page.map(({ collection }) => context.present(collection)) },
    headers,
  );
}

function list202506(
  searchParams: URLSearchParams,
  headers: Record<string, string>,
  context: ShoplazzaHandlerContext,
): SandboxResponse {
  const { cursorMode, present } = context;
  const page = listShoplazza202506(searchParams, context.dataset.items, { cursorMode, present });
  return jsonResponse('errors' in page ? 422 : 200, page, headers);
}

/** The vendor's checks in order (route, active store, token, rate limit), then the version's listing. */
function handleShoplazzaRequest(request: SandboxRequest, context: ShoplazzaHandlerContext): SandboxResponse {
  const headers = baseHeaders(request);
  const { pathname } = request.url;
  if (request.method !== 'GET' || (pathname !== shoplazzaPath && pathname !== shoplazza202506Path)) {
    return jsonResponse(404, shoplazzaErrorBodies.notFound, headers);
  }
  if (context.inactive) return jsonResponse(401, shoplazzaErrorBodies.inactive, headers);
  if (request.headers['access-token'] !== context.token)
    return jsonResponse(401, shoplazzaErrorBodies.unauthorized, headers);
  // One bucket for both versions: the limit is per app and store.
  if (context.limiter && !context.limiter.take().allowed) {
    // Shoplazza always says one second, whatever the bucket level.
    return jsonResponse(429, shoplazzaErrorBodies.tooManyRequests, { ...headers, 'Retry-After': '1' });
  }
  return pathname === shoplazzaPath
    ? list202201(request.url.searchParams, headers, context)
    : list202506(request.url.searchParams, headers, context);
}

/**
 * A stateful imitation of Shoplazza's `GET /openapi/2022-01/collections` and `GET /openapi/2025-06/collections`
 * on 127.0.0.1: `access-token` auth, page/limit paging without a total (2022-01) or an opaque cursor with
 * `has_more` (2025-06, see `shoplazza-202506.ts`), the filters, the 2/s leaky bucket shared by both versions,
 * `Request-Id` on every response, and the vendor's two error body shapes.
 */
export async function startShoplazzaSandbox(
  options: ShoplazzaSandboxOptions = {},
): Promise<ShoplazzaSandbox> {
  const resolved = resolveSandboxOptions(options, shoplazzaDefaultRateLimit);
  const shop = readShop(options);
  const { token } = resolved;
  const limiter = resolved.rateLimit
    ? createLeakyBucketLimiter(resolved.rateLimit.limit, resolved.rateLimit.intervalMs)
    : undefined;
  const cursorMode = readCursorMode(options);
  const dataset = createShoplazzaDataset({ count: resolved.count, seed: resolved.seed, shop });
  const context: ShoplazzaHandlerContext = {
    token,
    limiter,
    inactive: options.inactive === true,
    cursorMode,
    dataset,
    present: resolved.mode === 'drifted' ? presentDrifted : (collection) => collection,
  };
  const provider: SandboxProvider<ShoplazzaCollectionRecord> = {
    dataset,
    baseHeaders,
    handle: (request) => handleShoplazzaRequest(request, context),
    reset: () => limiter?.reset(),
  };
  const running = await startSandboxServer<ShoplazzaCollectionRecord, ShoplazzaDataset>({
    provider,
    latencyMs: resolved.latencyMs,
    faults: options.faults,
    port: resolved.port,
    secretHeaders: ['access-token', 'authorization', 'cookie'],
  });
  // Non-enumerable, so logging the sandbox object does not print the token.
  return Object.defineProperties(running, {
    shop: { value: shop, enumerable: true },
    token: { value: token, enumerable: false },
  }) as ShoplazzaSandbox;
}
