import type { ShoplazzaSandbox } from '@commerce-collections/contract';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CollectionsPage, RateLimitError } from '../../../src/index';
import {
  type Arrivals,
  bucketAcceptsAtMost,
  count,
  pacedClient,
  refusals,
  SHOPLAZZA_CONTROL_TIME_SCALE,
  SHOPLAZZA_LIMIT,
  settle,
  startPacedShoplazza,
} from './load';

// Shoplazza: a leaky bucket of 2 requests draining at 2 per second per store, enforced by the sandbox (in real
// time, see load.ts); the client's own leaky bucket at the same rate. The facade lists Shoplazza one
// page after the other, and concurrent listPage() calls of one client share its bucket. No retries: a 429 would
// fail the call, and the sandbox's log counts every refusal.
const COLLECTIONS = 60;
const PAGE_SIZE = 3;
// A listing that fills its last page ends with an empty one; each page after the first brings a one-item probe.
const LISTING_REQUESTS = 2 * (COLLECTIONS / PAGE_SIZE + 1) - 1;
const PAGE_CALLS = 20;

const pageCursors = () =>
  Array.from({ length: PAGE_CALLS }, (_, index) => ({
    provider: 'shoplazza' as const,
    page: index + 1,
    pageSize: PAGE_SIZE,
  }));

describe('Shoplazza pacing against an enforcing sandbox (2 per second, in real time)', () => {
  // A fresh sandbox per test: requests aborted by a failed call must not reach the next test's bucket or log.
  let sandbox: ShoplazzaSandbox;
  beforeEach(async () => {
    sandbox = await startPacedShoplazza(COLLECTIONS);
  });
  afterEach(async () => {
    await sandbox?.close();
  });

  it('facade list(): every collection, zero 429s', async () => {
    const { client, attempts } = pacedClient({ shoplazza: sandbox });
    const outcome = await settle(count(client.list({ provider: 'shoplazza', pageSize: PAGE_SIZE })));
    const refused = refusals(sandbox.requestLog);
    expect(refused, `429s (first at request #${refused.first})`).toEqual({ count: 0, first: -1 });
    expect(outcome.error).toBeUndefined();
    expect(outcome.value).toBe(COLLECTIONS);
    expect(sandbox.requestLog).toHaveLength(LISTING_REQUESTS);
    expect(attempts.map((event) => event.status)).toEqual(Array(LISTING_REQUESTS).fill(200));
    expect(attempts.filter((event) => event.rateLimitWaitMs > 0).length).toBeGreaterThan(0);
  });

  it(`${PAGE_CALLS} concurrent listPage() calls of one client share its bucket: zero 429s`, async () => {
    const { client, attempts } = pacedClient({ shoplazza: sandbox });
    const results = await Promise.allSettled(
      pageCursors().map((cursor) => client.listPage({ provider: 'shoplazza', cursor })),
    );
    const refused = refusals(sandbox.requestLog);
    expect(refused, `429s (first at request #${refused.first})`).toEqual({ count: 0, first: -1 });
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    const pages = results.map((result) => (result as PromiseFulfilledResult<CollectionsPage>).value);
    expect(pages.flatMap((page) => page.items.map((item) => item.id)).sort()).toEqual(
      sandbox.dataset.items
        .slice(0, PAGE_CALLS * PAGE_SIZE)
        .map((record) => record.collection.id)
        .sort(),
    );
    expect(attempts.map((event) => event.status)).toEqual(Array(PAGE_CALLS).fill(200));
    // Every call after the first waited its turn.
    expect(attempts.filter((event) => event.rateLimitWaitMs > 0).length).toBeGreaterThanOrEqual(
      PAGE_CALLS - 2,
    );
  });
});

// Negative control: the same loads with rateLimit: false, against a bucket draining 2 per 10 s (load.ts says why
// not the real-time one). Refusals are checked against the arrival times the sandbox saw.
describe('Shoplazza negative control: the same loads with rateLimit: false are refused with 429', () => {
  const intervalMs = SHOPLAZZA_LIMIT.intervalMs * SHOPLAZZA_CONTROL_TIME_SCALE;
  let sandbox: ShoplazzaSandbox & Arrivals;
  beforeEach(async () => {
    sandbox = await startPacedShoplazza(COLLECTIONS, SHOPLAZZA_CONTROL_TIME_SCALE);
  });
  afterEach(async () => {
    await sandbox?.close();
  });

  /** At least the requests the bucket could not have taken, given when they arrived, were refused. */
  const expectExcessRefused = () => {
    const mostAccepted = bucketAcceptsAtMost(sandbox.arrivals, SHOPLAZZA_LIMIT.limit, intervalMs);
    expect(mostAccepted, 'what the bucket could take while they arrived').toBeLessThan(
      sandbox.arrivals.length,
    );
    expect(refusals(sandbox.requestLog).count).toBeGreaterThanOrEqual(sandbox.arrivals.length - mostAccepted);
  };

  it('facade list()', async () => {
    const { client } = pacedClient({ shoplazza: sandbox }, { shoplazzaRateLimit: false });
    const outcome = await settle(count(client.list({ provider: 'shoplazza', pageSize: PAGE_SIZE })));
    expect(outcome.error).toBeInstanceOf(RateLimitError);
    expectExcessRefused();
  });

  it('concurrent listPage() calls', async () => {
    const { client, attempts } = pacedClient({ shoplazza: sandbox }, { shoplazzaRateLimit: false });
    const results = await Promise.allSettled(
      pageCursors().map((cursor) => client.listPage({ provider: 'shoplazza', cursor })),
    );
    const refused = results.filter(
      (result) => result.status === 'rejected' && result.reason instanceof RateLimitError,
    );
    expectExcessRefused();
    expect(refusals(sandbox.requestLog).count).toBe(refused.length);
    expect(attempts.filter((event) => event.status === 429)).toHaveLength(refused.length);
  });
});
