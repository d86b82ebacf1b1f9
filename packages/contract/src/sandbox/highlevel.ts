import { createHighLevelDataset, type HighLevelCollection, type HighLevelDataset } from './highlevel-data';
import { createHighLevelRateState, type HighLevelRateState } from './highlevel-rate-limit';
import { resolveSandboxOptions } from './options';
import { includesIgnoringCase, parseNonNegativeInteger, splitCommaList } from './query';
import {
  jsonResponse,
  type SandboxProvider,
  type SandboxRequest,
  type SandboxResponse,
  startSandboxServer,
} from './server';
import type { RunningSandbox, SandboxOptionsBase } from './types';

export interface HighLevelSandboxOptions extends SandboxOptionsBase<HighLevelDataset, HighLevelCollection> {
  /** The location the token belongs to; generated collections carry it as `altId`. */
  locationId?: string;
}

export type HighLevelSandbox = RunningSandbox<HighLevelDataset> & { locationId: string; token: string };

export const highLevelPath = '/products/collections';
export const highLevelVersion = '2021-07-28';
export const highLevelDefaultLocationId = '6578278e879ad2646715ba9c';
export const highLevelDefaultRateLimit = { limit: 100, intervalMs: 10_000 } as const;

/** The vendor's error bodies, byte for byte, for fault hooks and assertions. */
export const highLevelErrorBodies = {
  badRequest: { statusCode: 400, message: 'Bad Request' },
  unauthorized: { statusCode: 401, message: 'Invalid token: access token is invalid', error: 'Unauthorized' },
  tooManyRequests: { statusCode: 429, message: 'Too Many Requests', error: 'Too Many Requests' },
  unprocessable: (messages: string[]) => ({
    statusCode: 422,
    message: messages,
    error: 'Unprocessable Entity',
  }),
} as const;

function validateQuery(query: URLSearchParams): { messages: string[]; limit: number; offset: number } {
  const messages: string[] = [];
  if (query.get('altType') !== 'location')
    messages.push('altType must be one of the following values: location');
  const readInteger = (name: string, fallback: number, minimum: number): number => {
    const raw = query.get(name);
    if (raw === null) return fallback;
    const value = parseNonNegativeInteger(raw);
    if (value === undefined) {
      messages.push(`${name} must be an integer number`);
      return fallback;
    }
    if (value < minimum) messages.push(`${name} must not be less than ${minimum}`);
    return value;
  };
  const limit = readInteger('limit', 10, 1);
  const offset = readInteger('offset', 0, 0);
  return { messages, limit, offset };
}

function filterCollections(
  items: readonly HighLevelCollection[],
  query: URLSearchParams,
): HighLevelCollection[] {
  const altId = query.get('altId');
  const ids = query.has('collectionIds')
    ? new Set(splitCommaList(query.get('collectionIds') ?? ''))
    : undefined;
  const name = query.get('name');
  return items.filter(
    (item) =>
      item.altId === altId &&
      (ids === undefined || ids.has(item._id)) &&
      (name === null || includesIgnoringCase(item.name, name)),
  );
}

interface HighLevelHandlerContext {
  token: string;
  rate: HighLevelRateState;
  dataset: HighLevelDataset;
  drifted: boolean;
}

function readLocationId(options: HighLevelSandboxOptions): string {
  const locationId = options.locationId ?? highLevelDefaultLocationId;
  if (typeof locationId !== 'string' || locationId.length === 0) {
    throw new TypeError(
      `Sandbox option \`locationId\` must be a non-empty string; got ${JSON.stringify(locationId)}.`,
    );
  }
  return locationId;
}

/** A checked query's page of the matching collections (or the vendor's 422). */
function listCollections(
  query: URLSearchParams,
  context: HighLevelHandlerContext,
  headers: Record<string, string>,
): SandboxResponse {
  const { messages, limit, offset } = validateQuery(query);
  if (messages.length > 0) return jsonResponse(422, highLevelErrorBodies.unprocessable(messages), headers);
  const matching = filterCollections(context.dataset.items, query);
  const page = matching.slice(offset, offset + limit);
  const body = context.drifted
    ? // Drift on purpose: total as a string, items without the required `name`.
      { data: page.map(({ name: _name, ...rest }) => rest), total: String(matching.length) }
    : { data: page, total: matching.length };
  return jsonResponse(200, body, headers);
}

/** The gateway's checks in the vendor's order (route, auth, burst limit, required headers), then the list. */
function handleHighLevelRequest(request: SandboxRequest, context: HighLevelHandlerContext): SandboxResponse {
  const { rate } = context;
  if (request.method !== 'GET' || request.url.pathname !== highLevelPath) {
    return jsonResponse(
      404,
      { statusCode: 404, message: `Cannot ${request.method} ${request.url.pathname}`, error: 'Not Found' },
      rate.headers(),
    );
  }
  // Bearer with a capital B only, as HighLevel's gateway (and Prism) require.
  if (request.headers.authorization !== `Bearer ${context.token}`) {
    return jsonResponse(401, highLevelErrorBodies.unauthorized, rate.headers());
  }
  const retryAfter = rate.takeBurstSlot();
  if (retryAfter !== undefined) {
    return jsonResponse(429, highLevelErrorBodies.tooManyRequests, {
      ...rate.headers(),
      'Retry-After': retryAfter,
    });
  }
  rate.countDaily();
  const query = request.url.searchParams;
  if (request.headers.version !== highLevelVersion || !query.has('altId') || !query.has('altType')) {
    return jsonResponse(400, highLevelErrorBodies.badRequest, rate.headers());
  }
  return listCollections(query, context, rate.headers());
}

/**
 * A stateful imitation of HighLevel's `GET /products/collections` on 127.0.0.1: bearer auth, the Version
 * header, offset/limit paging with `total`, `name`/`collectionIds` filters, the burst rate limit with its
 * headers, and the vendor's error bodies.
 */
export async function startHighLevelSandbox(
  options: HighLevelSandboxOptions = {},
): Promise<HighLevelSandbox> {
  const resolved = resolveSandboxOptions(options, highLevelDefaultRateLimit);
  const locationId = readLocationId(options);
  const { token } = resolved;
  const rate = createHighLevelRateState(resolved);
  const dataset = createHighLevelDataset({ count: resolved.count, seed: resolved.seed, locationId });
  const context: HighLevelHandlerContext = { token, rate, dataset, drifted: resolved.mode === 'drifted' };
  const provider: SandboxProvider<HighLevelCollection> = {
    dataset,
    baseHeaders: rate.headers,
    handle: (request) => handleHighLevelRequest(request, context),
    reset: rate.reset,
  };
  const running = await startSandboxServer<HighLevelCollection, HighLevelDataset>({
    provider,
    latencyMs: resolved.latencyMs,
    faults: options.faults,
    port: resolved.port,
    secretHeaders: ['authorization', 'cookie'],
  });
  // Non-enumerable, so logging the sandbox object does not print the token.
  return Object.defineProperties(running, {
    locationId: { value: locationId, enumerable: true },
    token: { value: token, enumerable: false },
  }) as HighLevelSandbox;
}
