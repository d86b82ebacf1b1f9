import { createHighLevelDataset, type HighLevelCollection, type HighLevelDataset } from './highlevel-data';
import { resolveSandboxOptions } from './options';
import { includesIgnoringCase, parseNonNegativeInteger, splitCommaList } from './query';
import { createSlidingWindowLimiter } from './rate-limit';
import { jsonResponse, type SandboxProvider, type SandboxRequest, startSandboxServer } from './server';
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
const dailyLimit = 200_000;

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

/**
 * A stateful imitation of HighLevel's `GET /products/collections` on 127.0.0.1: bearer auth, the Version
 * header, offset/limit paging with `total`, `name`/`collectionIds` filters, the burst rate limit with its
 * headers, and the vendor's error bodies.
 */
export async function startHighLevelSandbox(
  options: HighLevelSandboxOptions = {},
): Promise<HighLevelSandbox> {
  const resolved = resolveSandboxOptions(options, highLevelDefaultRateLimit);
  const locationId = options.locationId ?? highLevelDefaultLocationId;
  if (typeof locationId !== 'string' || locationId.length === 0) {
    throw new TypeError(
      `Sandbox option \`locationId\` must be a non-empty string; got ${JSON.stringify(locationId)}.`,
    );
  }
  const { token } = resolved;
  const intervalMs = resolved.nominalRateLimit.intervalMs;
  const maxPerInterval = resolved.nominalRateLimit.limit;
  const limiter = resolved.rateLimit
    ? createSlidingWindowLimiter(resolved.rateLimit.limit, resolved.rateLimit.intervalMs)
    : undefined;
  const drifted = resolved.mode === 'drifted';
  const dataset = createHighLevelDataset({ count: resolved.count, seed: resolved.seed, locationId });
  let remaining = maxPerInterval;
  let dailyRemaining = dailyLimit;

  const rateHeaders = (): Record<string, string> => ({
    'X-RateLimit-Limit-Daily': String(dailyLimit),
    'X-RateLimit-Daily-Remaining': String(dailyRemaining),
    'X-RateLimit-Interval-Milliseconds': String(intervalMs),
    'X-RateLimit-Max': String(maxPerInterval),
    'X-RateLimit-Remaining': String(remaining),
  });

  const handle = (request: SandboxRequest) => {
    if (request.method !== 'GET' || request.url.pathname !== highLevelPath) {
      return jsonResponse(
        404,
        { statusCode: 404, message: `Cannot ${request.method} ${request.url.pathname}`, error: 'Not Found' },
        rateHeaders(),
      );
    }
    // Bearer with a capital B only, as HighLevel's gateway (and Prism) require.
    if (request.headers.authorization !== `Bearer ${token}`) {
      return jsonResponse(401, highLevelErrorBodies.unauthorized, rateHeaders());
    }
    if (limiter) {
      const decision = limiter.take();
      remaining = decision.remaining;
      if (!decision.allowed) {
        const retryAfter = String(Math.max(1, Math.ceil(decision.retryAfterMs / 1000)));
        return jsonResponse(429, highLevelErrorBodies.tooManyRequests, {
          ...rateHeaders(),
          'Retry-After': retryAfter,
        });
      }
    }
    dailyRemaining = Math.max(0, dailyRemaining - 1);
    const query = request.url.searchParams;
    if (request.headers.version !== highLevelVersion || !query.has('altId') || !query.has('altType')) {
      return jsonResponse(400, highLevelErrorBodies.badRequest, rateHeaders());
    }
    const { messages, limit, offset } = validateQuery(query);
    if (messages.length > 0)
      return jsonResponse(422, highLevelErrorBodies.unprocessable(messages), rateHeaders());
    const matching = filterCollections(dataset.items, query);
    const page = matching.slice(offset, offset + limit);
    const body = drifted
      ? // Drift on purpose: total as a string, items without the required `name`.
        { data: page.map(({ name: _name, ...rest }) => rest), total: String(matching.length) }
      : { data: page, total: matching.length };
    return jsonResponse(200, body, rateHeaders());
  };

  const provider: SandboxProvider<HighLevelCollection> = {
    dataset,
    baseHeaders: rateHeaders,
    handle,
    reset() {
      limiter?.reset();
      remaining = maxPerInterval;
      dailyRemaining = dailyLimit;
    },
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
