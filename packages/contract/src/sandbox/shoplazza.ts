import { resolveSandboxOptions } from './options';
import { includesIgnoringCase, parseNonNegativeInteger, splitCommaList } from './query';
import { createLeakyBucketLimiter } from './rate-limit';
import { jsonResponse, type SandboxProvider, type SandboxRequest, startSandboxServer } from './server';
import {
  createShoplazzaDataset,
  type ShoplazzaCollectionRecord,
  type ShoplazzaDataset,
} from './shoplazza-data';
import type { RunningSandbox, SandboxOptionsBase } from './types';

export interface ShoplazzaSandboxOptions
  extends SandboxOptionsBase<ShoplazzaDataset, ShoplazzaCollectionRecord> {
  /** The shop (the `{shop}` of `{shop}.myshoplazza.com`); part of the data seed. Default `'sandbox'`. */
  shop?: string;
  /**
   * Answer every request with 401 `store is not active`, the body the vendor gives for a missing or invalid
   * access token (the spec's `storeNotActive` example).
   */
  inactive?: boolean;
}

export type ShoplazzaSandbox = RunningSandbox<ShoplazzaDataset> & { shop: string; token: string };

export const shoplazzaPath = '/openapi/2022-01/collections';
export const shoplazzaDefaultRateLimit = { limit: 2, intervalMs: 1000 } as const;

/** The vendor's error bodies, byte for byte, for fault hooks and assertions. */
export const shoplazzaErrorBodies = {
  unauthorized: { error: 'Unauthorized' },
  inactive: { error: 'store is not active' },
  notFound: { errors: ['Not Found'] },
  updatedAtMin: { errors: ['UpdatedAtMin time format error'] },
  updatedAtMax: { errors: ['UpdatedAtMax time format error'] },
  limitRange: { errors: ['limit must be between 1 and 100'] },
  // The vendor does not document the 429 wording: the spec's `rateLimited` example.
  tooManyRequests: { errors: ['Too Many Requests'] },
  noContext: { errors: ['No context'] },
} as const;

// RFC 3339 date-time: `Z` or a numeric offset, optional fraction.
const rfc3339 = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?)(Z|[+-]\d{2}:\d{2})$/i;

/**
 * Parses `updated_at_*`. An unencoded `+` in a query string decodes to a space, so `...T10:00:00 08:00`
 * is read as `+08:00` (clients that forget to encode the offset still get what they meant).
 */
export function parseShoplazzaTime(value: string): number | undefined {
  const repaired = value.replace(/ (\d{2}:\d{2})$/, '+$1');
  if (!rfc3339.test(repaired)) return undefined;
  const epoch = Date.parse(repaired);
  return Number.isNaN(epoch) ? undefined : epoch;
}

interface ShoplazzaQuery {
  page: number;
  limit: number;
  ids: Set<string> | undefined;
  title: string | null;
  updatedMin: number | undefined;
  updatedMax: number | undefined;
  productId: string | null;
}

function parseQuery(query: URLSearchParams): ShoplazzaQuery | { errors: readonly string[] } {
  const readTime = (
    name: string,
    error: { errors: readonly string[] },
  ): number | undefined | typeof error => {
    const raw = query.get(name);
    if (raw === null) return undefined;
    return parseShoplazzaTime(raw) ?? error;
  };
  const updatedMin = readTime('updated_at_min', shoplazzaErrorBodies.updatedAtMin);
  if (typeof updatedMin === 'object') return updatedMin;
  const updatedMax = readTime('updated_at_max', shoplazzaErrorBodies.updatedAtMax);
  if (typeof updatedMax === 'object') return updatedMax;
  const page = parseNonNegativeInteger(query.get('page') ?? '1');
  const limit = parseNonNegativeInteger(query.get('limit') ?? '10');
  if (page === undefined || page < 1 || limit === undefined || limit < 1 || limit > 100) {
    return shoplazzaErrorBodies.limitRange;
  }
  return {
    page,
    limit,
    ids: query.has('ids') ? new Set(splitCommaList(query.get('ids') ?? '')) : undefined,
    title: query.get('title'),
    updatedMin,
    updatedMax,
    productId: query.get('product_id'),
  };
}

function matches(record: ShoplazzaCollectionRecord, query: ShoplazzaQuery): boolean {
  const { collection } = record;
  const updated = Date.parse(collection.updated_at);
  return (
    (query.ids === undefined || query.ids.has(collection.id)) &&
    (query.title === null || includesIgnoringCase(collection.title, query.title)) &&
    (query.updatedMin === undefined || updated >= query.updatedMin) &&
    (query.updatedMax === undefined || updated <= query.updatedMax) &&
    (query.productId === null || record.productIds.includes(query.productId))
  );
}

/**
 * A stateful imitation of Shoplazza's `GET /openapi/2022-01/collections` on 127.0.0.1: `access-token`
 * auth, page/limit paging without a total, the filters, the 2/s leaky bucket, `Request-Id` on every
 * response, and the vendor's two error body shapes.
 */
export async function startShoplazzaSandbox(
  options: ShoplazzaSandboxOptions = {},
): Promise<ShoplazzaSandbox> {
  const resolved = resolveSandboxOptions(options, shoplazzaDefaultRateLimit);
  const shop = options.shop ?? 'sandbox';
  if (typeof shop !== 'string' || !/^[a-z0-9][a-z0-9-]*$/i.test(shop)) {
    throw new TypeError(
      `Sandbox option \`shop\` must be a shop subdomain like 'my-shop'; got ${JSON.stringify(shop)}.`,
    );
  }
  const { token } = resolved;
  const limiter = resolved.rateLimit
    ? createLeakyBucketLimiter(resolved.rateLimit.limit, resolved.rateLimit.intervalMs)
    : undefined;
  const drifted = resolved.mode === 'drifted';
  const inactive = options.inactive === true;
  const dataset = createShoplazzaDataset({ count: resolved.count, seed: resolved.seed, shop });

  // Deterministic ids so tests can assert them: sandbox-0, sandbox-1, ... (restart at reset()).
  const baseHeaders = (request: SandboxRequest): Record<string, string> => ({
    'Request-Id': `sandbox-${request.requestIndex}`,
  });

  const handle = (request: SandboxRequest) => {
    const headers = baseHeaders(request);
    if (request.method !== 'GET' || request.url.pathname !== shoplazzaPath) {
      return jsonResponse(404, shoplazzaErrorBodies.notFound, headers);
    }
    if (inactive) return jsonResponse(401, shoplazzaErrorBodies.inactive, headers);
    if (request.headers['access-token'] !== token)
      return jsonResponse(401, shoplazzaErrorBodies.unauthorized, headers);
    if (limiter && !limiter.take().allowed) {
      // Shoplazza always says one second, whatever the bucket level.
      return jsonResponse(429, shoplazzaErrorBodies.tooManyRequests, { ...headers, 'Retry-After': '1' });
    }
    const query = parseQuery(request.url.searchParams);
    if ('errors' in query) return jsonResponse(422, query, headers);
    const matching = dataset.items.filter((record) => matches(record, query));
    const page = matching.slice((query.page - 1) * query.limit, query.page * query.limit);
    const collections = page.map(({ collection }) => {
      if (!drifted) return collection;
      // Drift on purpose: `smart` as a string, and no `id`.
      const { id: _id, ...rest } = collection;
      return { ...rest, smart: String(collection.smart) };
    });
    return jsonResponse(200, { collections }, headers);
  };

  const provider: SandboxProvider<ShoplazzaCollectionRecord> = {
    dataset,
    baseHeaders,
    handle,
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
