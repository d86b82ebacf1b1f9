import type { HighLevelSandbox } from '@commerce-collections/contract';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CollectionsPage, RateLimitError } from '../../../src/index';
import {
  type Arrivals,
  busiest,
  CLOCK_SLACK_MS,
  CONTROL_TIME_SCALE,
  count,
  HIGHLEVEL_LIMIT,
  pacedClient,
  refusals,
  scaledHighLevel,
  settle,
  startPacedHighLevel,
} from './load';

// HighLevel: a sliding window of `limit` requests per interval, per token and location, enforced by the sandbox
// (20 per 200 ms here, see load.ts) and adjusted by the client from X-RateLimit-Max / -Interval-Milliseconds.
// Every load below is several windows' worth of requests; the client must pace them so that the sandbox never
// refuses one. No retries: a 429 would fail the listing, and the sandbox's log counts every refusal.
//
// History: when written, the zero-429 tests here failed at the first window boundary (request #limit): the
// runtime's sliding window counted a request from when it *granted* it, the server from when it *arrived*. The
// limiter now holds a slot until the answer and starts its window then (runtime sliding-window.ts).
const COLLECTIONS = 300;
const PAGE_SIZE = 5; // 1 request for the first 5 items, then 4 new items per request (one item of overlap)
const LISTING_REQUESTS = 1 + Math.ceil((COLLECTIONS - PAGE_SIZE) / (PAGE_SIZE - 1));
const PAGE_CALLS = COLLECTIONS / PAGE_SIZE;

const pageCursors = () =>
  Array.from({ length: PAGE_CALLS }, (_, page) => ({
    provider: 'highlevel' as const,
    offset: page * PAGE_SIZE,
  }));

describe('HighLevel pacing against an enforcing sandbox (same limits on both sides)', () => {
  // A fresh sandbox per test: requests that a failed listing aborted may still arrive after it ended, and must
  // not count against (or in the log of) the next test.
  let sandbox: HighLevelSandbox;
  beforeEach(async () => {
    sandbox = await startPacedHighLevel(COLLECTIONS);
  });
  afterEach(async () => {
    await sandbox?.close();
  });

  it('the load needs pacing: more than three windows of requests', () => {
    expect(LISTING_REQUESTS).toBeGreaterThan(3 * HIGHLEVEL_LIMIT.limit);
    expect(PAGE_CALLS).toBeGreaterThan(2 * HIGHLEVEL_LIMIT.limit);
  });

  it.each([4, 8, 16])('facade list() at concurrency %i: every collection, zero 429s', async (concurrency) => {
    const { client, attempts } = pacedClient({ highlevel: sandbox }, { concurrency });
    const outcome = await settle(count(client.list({ provider: 'highlevel', pageSize: PAGE_SIZE })));
    const refused = refusals(sandbox.requestLog);
    expect(refused, `429s (first at request #${refused.first})`).toEqual({ count: 0, first: -1 });
    expect(outcome.error).toBeUndefined();
    expect(outcome.value).toBe(COLLECTIONS);
    expect(sandbox.requestLog).toHaveLength(LISTING_REQUESTS);
    expect(attempts.map((event) => event.status)).toEqual(Array(LISTING_REQUESTS).fill(200));
    // The limiter really worked (the load exceeded the limit): some requests waited for a slot.
    expect(attempts.filter((event) => event.rateLimitWaitMs > 0).length).toBeGreaterThan(0);
  });

  it(`${PAGE_CALLS} concurrent listPage() calls of one client share its limiter: zero 429s`, async () => {
    const { client, attempts } = pacedClient({ highlevel: sandbox });
    const results = await Promise.allSettled(
      pageCursors().map((cursor) => client.listPage({ provider: 'highlevel', pageSize: PAGE_SIZE, cursor })),
    );
    const refused = refusals(sandbox.requestLog);
    expect(refused, `429s (first at request #${refused.first})`).toEqual({ count: 0, first: -1 });
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    const pages = results.map((result) => (result as PromiseFulfilledResult<CollectionsPage>).value);
    expect(pages.flatMap((page) => page.items.map((item) => item.id))).toEqual(
      sandbox.dataset.items.map((item) => item._id),
    );
    expect(attempts.map((event) => event.status)).toEqual(Array(PAGE_CALLS).fill(200));
    expect(attempts.filter((event) => event.rateLimitWaitMs > 0).length).toBeGreaterThan(0);
  });
});

// Negative control: the same loads with rateLimit: false, against HighLevel's real 10 s window (load.ts says why
// not the 200 ms one). Refusals are checked against the arrival times the sandbox saw.
describe('negative control: the same loads with rateLimit: false are refused with 429', () => {
  const windowMs = HIGHLEVEL_LIMIT.intervalMs * CONTROL_TIME_SCALE;
  let sandbox: HighLevelSandbox & Arrivals;
  beforeEach(async () => {
    sandbox = await startPacedHighLevel(COLLECTIONS, HIGHLEVEL_LIMIT, CONTROL_TIME_SCALE);
  });
  afterEach(async () => {
    await sandbox?.close();
  });

  /** The unpaced load went over the limit as the sandbox saw it, and at least its excess was refused. */
  const expectExcessRefused = () => {
    const most = busiest(sandbox.arrivals, windowMs - CLOCK_SLACK_MS);
    expect(most, 'requests that arrived within one window').toBeGreaterThan(HIGHLEVEL_LIMIT.limit);
    expect(refusals(sandbox.requestLog).count).toBeGreaterThanOrEqual(most - HIGHLEVEL_LIMIT.limit);
  };

  it('facade list() at concurrency 16', async () => {
    const { client } = pacedClient({ highlevel: sandbox }, { concurrency: 16, highlevelRateLimit: false });
    const outcome = await settle(count(client.list({ provider: 'highlevel', pageSize: PAGE_SIZE })));
    expect(outcome.error).toBeInstanceOf(RateLimitError);
    expectExcessRefused();
  });

  it('concurrent listPage() calls', async () => {
    const { client, attempts } = pacedClient({ highlevel: sandbox }, { highlevelRateLimit: false });
    const results = await Promise.allSettled(
      pageCursors().map((cursor) => client.listPage({ provider: 'highlevel', pageSize: PAGE_SIZE, cursor })),
    );
    const refused = results.filter(
      (result) => result.status === 'rejected' && result.reason instanceof RateLimitError,
    );
    expectExcessRefused();
    // Every refusal, and only those, reached the caller as a RateLimitError; the first `limit` were served.
    expect(refusals(sandbox.requestLog).count).toBe(refused.length);
    expect(attempts.filter((event) => event.status === 429)).toHaveLength(refused.length);
    expect(results.filter((result) => result.status === 'fulfilled').length).toBeGreaterThanOrEqual(
      HIGHLEVEL_LIMIT.limit,
    );
  });
});

// The server's X-RateLimit-Max (10) is lower than the client's configured limit (20). The limiter adopts the
// stricter limit from the headers of every response (runtime sliding-window.ts `update`), and waiters re-check
// it when they wake, so calls already queued obey it too.
// - The facade's list() requests HighLevel's first page alone (its total decides the fan-out), so the first
//   response teaches the client before any concurrent request: zero 429s.
// - A cold burst of concurrent listPage() calls goes out before any response arrives: at most the configured
//   20 at once, of which the server takes 10, so at most 20 − 10 = 10 are refused — that first burst only.
//   A burst made after a response has taught the client gets no 429.
describe('HighLevel limiter adapts when the server says X-RateLimit-Max is lower than configured', () => {
  const SERVER = { limit: 10, intervalMs: 10_000 } as const;
  const CLIENT = scaledHighLevel({ limit: 20, intervalMs: 10_000 });
  let sandbox: HighLevelSandbox;
  beforeEach(async () => {
    sandbox = await startPacedHighLevel(COLLECTIONS, SERVER);
  });
  afterEach(async () => {
    await sandbox?.close();
  });

  it('facade list() at concurrency 8: zero 429s, the first page taught the limit', async () => {
    const { client, attempts } = pacedClient(
      { highlevel: sandbox },
      { concurrency: 8, highlevelRateLimit: CLIENT },
    );
    const outcome = await settle(count(client.list({ provider: 'highlevel', pageSize: PAGE_SIZE })));
    const refused = refusals(sandbox.requestLog);
    expect(refused, `429s (first at request #${refused.first})`).toEqual({ count: 0, first: -1 });
    expect(outcome.value).toBe(COLLECTIONS);
    expect(attempts.filter((event) => event.rateLimitWaitMs > 0).length).toBeGreaterThan(0);
  });

  it('a cold burst of listPage() calls: at most the first burst is refused, a taught burst none', async () => {
    const { client } = pacedClient({ highlevel: sandbox }, { highlevelRateLimit: CLIENT });
    const burst = (calls: number) =>
      Promise.allSettled(
        pageCursors()
          .slice(0, calls)
          .map((cursor) => client.listPage({ provider: 'highlevel', pageSize: PAGE_SIZE, cursor })),
      );
    const first = await burst(CLIENT.limit);
    const firstRefused = refusals(sandbox.requestLog).count;
    expect(firstRefused).toBeLessThanOrEqual(CLIENT.limit - SERVER.limit);
    expect(first.filter((result) => result.status === 'rejected')).toHaveLength(firstRefused);
    // The 429s (Retry-After: 1 s) also made the client hold back for a second; the next burst starts clean.
    sandbox.reset();
    const second = await burst(PAGE_CALLS);
    const refused = refusals(sandbox.requestLog);
    expect(refused, `429s (first at request #${refused.first})`).toEqual({ count: 0, first: -1 });
    expect(second.every((result) => result.status === 'fulfilled')).toBe(true);
    expect(sandbox.requestLog).toHaveLength(PAGE_CALLS);
  });
});
