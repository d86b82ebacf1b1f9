import {
  type HighLevelSandbox,
  type RequestLogEntry,
  type ShoplazzaSandbox,
  startHighLevelSandbox,
  startShoplazzaSandbox,
} from '@commerce-collections/contract';
import {
  type AttemptEvent,
  type CollectionsClientOptions,
  createCollectionsClient,
} from '../../../src/index';

export const TOKEN = 'pacing-contract-token';
export const LOCATION = 'loc-pacing';
export const SHOP = 'pacing-shop';

/**
 * How `timeScale` and the clients' `rateLimit` meet:
 * - the sandboxes multiply their rate-limit *intervals* by `timeScale` (limits stay the same), and HighLevel's
 *   sandbox reports the scaled interval in `X-RateLimit-Interval-Milliseconds` and the limit in
 *   `X-RateLimit-Max`;
 * - the HighLevel client's sliding window is `{ limit, intervalMs }`: configured with the scaled interval, and in
 *   any case re-learnt from those two headers on every response;
 * - the Shoplazza client's leaky bucket is `{ ratePerSecond, burst }` and learns nothing from headers: the
 *   scaled rate is `limit / (intervalMs · timeScale / 1000)`. Its burst stays at the client's default (1): the
 *   bucket's size is unpublished, so the client never spends the server's whole capacity at once.
 *
 * HighLevel is scaled 50-fold (windows of 200 ms), with a limit low enough (20 per window, not 100) that the loads
 * below really exceed it. Shoplazza runs in real time (2 requests per second, 500 ms apart, a bucket of 2): the
 * sandbox judges arrivals, and a request can reach it late (a new connection, a loaded machine), so its bucket
 * of 2 tolerates one spacing of delivery delay; at 4-fold (125 ms) a machine at load ~20 delivered the first
 * request late enough for a 429 at request #2, at 10-fold an ordinary loaded CI machine did — an artefact of the
 * scale, not of the client. The tests check that the limiters waited, and the
 * negative controls (below) that the same load without them gets 429s.
 */
export const TIME_SCALE = 0.02;
export const SHOPLAZZA_TIME_SCALE = 1;
export const HIGHLEVEL_LIMIT = { limit: 20, intervalMs: 10_000 } as const;
export const SHOPLAZZA_LIMIT = { limit: 2, intervalMs: 1_000 } as const;

/**
 * The negative controls (rateLimit: false) show that the sandbox refuses the excess and that every 429 reaches
 * the caller as a RateLimitError. An unpaced client's requests arrive as fast as the machine sends them, so
 * whether a burst beats a 200 ms window is a question of machine speed: with both cores busy, 60 concurrent
 * listPage() calls took 350 ms to arrive, and a concurrency-16 listing sent 47 requests over a second with at
 * most 22 in any 200 ms (2 refused). The controls therefore use long windows (HighLevel's real 10 s; Shoplazza
 * 2 per 10 s), and assert the refusals from the arrival times the sandbox saw, not from a count that assumes
 * they all came at once.
 */
export const CONTROL_TIME_SCALE = 1;
export const SHOPLAZZA_CONTROL_TIME_SCALE = 10;
/**
 * The sandbox's limiter reads its clock a little after the arrival hook does (same synchronous stretch, but a
 * GC pause may fall in between): spans measured from the hook's times are widened by this much.
 */
export const CLOCK_SLACK_MS = 1_000;

export const scaledHighLevel = (limit: { limit: number; intervalMs: number } = HIGHLEVEL_LIMIT) => ({
  limit: limit.limit,
  intervalMs: limit.intervalMs * TIME_SCALE,
});
export const scaledShoplazza = () => ({
  ratePerSecond: SHOPLAZZA_LIMIT.limit / ((SHOPLAZZA_LIMIT.intervalMs * SHOPLAZZA_TIME_SCALE) / 1000),
});

/**
 * When each request reached the sandbox (`performance.now()`, the clock its limiters use), by request index.
 * Recorded by a fault hook that changes nothing; the sandbox runs in this process, and with no latency and no
 * fault actions the hook and the limiter's decision run in one synchronous stretch.
 */
export interface Arrivals {
  arrivals: number[];
}

const recordArrivals = (arrivals: number[]) => (context: { requestIndex: number }) => {
  arrivals[context.requestIndex] = performance.now();
  return undefined;
};

export async function startPacedHighLevel(
  collections: number,
  limit: { limit: number; intervalMs: number } = HIGHLEVEL_LIMIT,
  timeScale = TIME_SCALE,
): Promise<HighLevelSandbox & Arrivals> {
  const arrivals: number[] = [];
  const sandbox = await startHighLevelSandbox({
    collections,
    seed: 'sdk-pacing',
    token: TOKEN,
    locationId: LOCATION,
    timeScale,
    rateLimit: limit,
    faults: recordArrivals(arrivals),
  });
  return Object.assign(sandbox, { arrivals });
}

export async function startPacedShoplazza(
  collections: number,
  timeScale = SHOPLAZZA_TIME_SCALE,
): Promise<ShoplazzaSandbox & Arrivals> {
  const arrivals: number[] = [];
  const sandbox = await startShoplazzaSandbox({
    collections,
    seed: 'sdk-pacing',
    token: TOKEN,
    shop: SHOP,
    timeScale,
    rateLimit: SHOPLAZZA_LIMIT,
    faults: recordArrivals(arrivals),
  });
  return Object.assign(sandbox, { arrivals });
}

/**
 * The most requests that arrived within any span shorter than `spanMs`. A sliding window of `limit` per
 * `intervalMs` accepts at most `limit` of any requests that arrived within less than `intervalMs`, so at least
 * `busiest(arrivals, intervalMs - CLOCK_SLACK_MS) - limit` of them must have been refused.
 */
export function busiest(arrivals: readonly number[], spanMs: number): number {
  const times = [...arrivals].sort((a, b) => a - b);
  let most = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while ((times[end] as number) - (times[start] as number) >= spanMs) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

export interface Observed {
  client: ReturnType<typeof createCollectionsClient>;
  attempts: AttemptEvent[];
}

/**
 * A facade client on the sandbox, recording every attempt. No retries: a 429 must surface as an error (and the
 * count of 429s is then exactly the count of refused requests), not be healed by a retry.
 */
export function pacedClient(
  sandbox: { highlevel?: HighLevelSandbox; shoplazza?: ShoplazzaSandbox },
  options: {
    highlevelRateLimit?: { limit: number; intervalMs: number } | false;
    shoplazzaRateLimit?: { ratePerSecond: number; burst?: number } | false;
    concurrency?: number;
  } = {},
): Observed {
  const attempts: AttemptEvent[] = [];
  const config: CollectionsClientOptions = {
    retry: false,
    concurrency: options.concurrency,
    hooks: { onAttempt: (event) => attempts.push(event) },
  };
  if (sandbox.highlevel) {
    config.highlevel = {
      token: TOKEN,
      locationId: LOCATION,
      baseUrl: sandbox.highlevel.url,
      rateLimit: options.highlevelRateLimit ?? scaledHighLevel(),
    };
  }
  if (sandbox.shoplazza) {
    config.shoplazza = {
      token: TOKEN,
      shop: SHOP,
      baseUrl: sandbox.shoplazza.url,
      rateLimit: options.shoplazzaRateLimit ?? scaledShoplazza(),
    };
  }
  return { client: createCollectionsClient(config), attempts };
}

/** 429s the sandbox sent, by position in its log (the first refused request and how many). */
export function refusals(log: readonly RequestLogEntry[]): { count: number; first: number } {
  const indexes = log.flatMap((entry, index) => (entry.status === 429 ? [index] : []));
  return { count: indexes.length, first: indexes[0] ?? -1 };
}

/** Run to completion, keeping the error instead of throwing it (the assertions then say what went wrong). */
export async function settle<T>(work: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  try {
    return { value: await work };
  } catch (error) {
    return { error };
  }
}

export async function count(iterable: AsyncIterable<unknown>): Promise<number> {
  let n = 0;
  for await (const _ of iterable) n++;
  return n;
}

/**
 * How many of `arrivals` a leaky bucket of `capacity` draining `capacity` per `intervalMs` can have accepted at
 * most: a full bucket to start with, plus what drains while they arrive (their spread, widened by the slack).
 */
export function bucketAcceptsAtMost(
  arrivals: readonly number[],
  capacity: number,
  intervalMs: number,
): number {
  const spread = Math.max(...arrivals) - Math.min(...arrivals) + CLOCK_SLACK_MS;
  return Math.floor(capacity + (spread * capacity) / intervalMs);
}
