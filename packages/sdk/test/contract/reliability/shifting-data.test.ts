import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  CommerceCollectionsError,
  ConsistencyError,
  createCollectionsClient,
  getListProgress,
} from '../../../src/index';
import { MAX_RESTARTS } from '../../../src/pager';
import { FAST } from '../../support/reliability/fault-schedule';
import { assertStableItemsOnce, listWithResumes, type Segment } from '../../support/reliability/invariant';
import { type ProviderName, type ProviderRig, startRig } from '../../support/reliability/providers';

/**
 * Collections inserted or deleted while a listing pages by offset (HighLevel) or page number (Shoplazza) move
 * items across page boundaries. The facade's documented policy (packages/sdk/README.md, "Collections added or
 * removed while listing"):
 *
 * - HighLevel: every page after the first starts one item early and must overlap the previous page's last item;
 *   on a mismatch the walk is re-read from `concurrency + 1` pages back (from its start while no id has been
 *   forgotten), skipping items up to a remembered id, then every remembered id; after MAX_RESTARTS re-reads, or
 *   a shift larger than that window, ConsistencyError is thrown (typed, with progress). So any shift is healed or reported: every
 *   collection present for the whole listing appears exactly once, nothing twice.
 * - Shoplazza: every boundary after a full page is checked by a one-item probe (`page=k·L&limit=1`, sent after
 *   page k+1 and before it is shown) that must find page k's last item where it was; on a mismatch the same
 *   re-read, and the same ConsistencyError after MAX_RESTARTS. With `verifyPageBoundaries: false` only the id
 *   dedupe applies and a deletion silently misses the item that crosses the boundary (one test keeps that).
 * - A resume starts a new walk without the previous call's ids: after ConsistencyError it may repeat, never miss.
 */
const SIZE = 20;
const PAGE_SIZE = 5;

type Mutation = { insert?: { index: number; count: number }; remove?: number[] };

async function listWithMutations(
  rig: ProviderRig,
  plan: Record<number, Mutation>,
  options: { verifyPageBoundaries?: boolean } = {},
  size = SIZE,
) {
  rig.reset(size);
  const initial = rig.ids();
  const removed: string[] = [];
  const inserted: string[] = [];
  let counter = 0;
  rig.route = ({ requestIndex }) => {
    const mutation = plan[requestIndex];
    if (mutation === undefined) return undefined;
    const actions: unknown[] = [];
    if (mutation.remove) {
      const ids = mutation.remove
        .map((index) => rig.ids()[index])
        .filter((id): id is string => id !== undefined);
      removed.push(...ids);
      actions.push({ remove: ids });
    }
    if (mutation.insert) {
      const items = Array.from({ length: mutation.insert.count }, () => rig.newItem(counter++));
      inserted.push(...items.map(rig.idOf));
      actions.push({
        insert: items,
        index: mutation.insert.index < 0 ? rig.ids().length : mutation.insert.index,
      });
    }
    return actions;
  };
  const client = createCollectionsClient({
    [rig.name]: rig.block(),
    retry: FAST.retry,
    timeoutMs: 5_000,
    concurrency: 1,
    ...options,
  });
  const query = { provider: rig.name, pageSize: PAGE_SIZE } as const;
  const segments = await listWithResumes(
    {
      list: (resumeFrom, signal) =>
        client.list(query, {
          signal,
          ...(resumeFrom === undefined ? {} : { resumeFrom: resumeFrom as never }),
        }),
      progressOf: getListProgress,
      idOf: (collection) => collection.id,
    },
    { maxResumes: 3, deadlineMs: 10_000 },
  );
  return { segments, data: { initial, removed, inserted } };
}

/**
 * Healed: no error, and every collection present for the whole listing exactly once, in the data set's order.
 * (Inserted ones may appear anywhere: a re-read picks them up where it finds them.)
 */
function assertHealed(
  segments: readonly Segment[],
  data: { initial: readonly string[]; removed: readonly string[]; inserted: readonly string[] },
): void {
  expect(typedErrors(segments)).toEqual([]);
  assertStableItemsOnce(segments, data);
  const removed = new Set(data.removed);
  const stable = data.initial.filter((id) => !removed.has(id));
  const listed = new Set(stable);
  expect(segments.flatMap((segment) => segment.ids).filter((id) => listed.has(id))).toEqual(stable);
}

function typedErrors(segments: readonly Segment[]) {
  return segments.flatMap((segment) => (segment.error === undefined ? [] : [segment.error]));
}

describe.each(['highlevel', 'shoplazza'] as const)(
  '%s: data shifting while paginating',
  (provider: ProviderName) => {
    let rig: ProviderRig;
    beforeAll(async () => {
      rig = await startRig(provider);
    });
    afterAll(async () => {
      await rig?.close();
    });

    test('a collection inserted before the current position (offsets shift right): healed, none missed', async () => {
      const { segments, data } = await listWithMutations(rig, { 1: { insert: { index: 0, count: 1 } } });
      assertHealed(segments, data);
    });

    test('a collection deleted before the current position (offsets shift left): healed', async () => {
      const { segments, data } = await listWithMutations(rig, { 1: { remove: [0] } });
      assertHealed(segments, data);
    });

    test('a deletion while the boundary is being checked (the next request): healed', async () => {
      const { segments, data } = await listWithMutations(rig, { 2: { remove: [1] } });
      assertHealed(segments, data);
    });

    test('several deletions and insertions across pages: healed', async () => {
      const { segments, data } = await listWithMutations(rig, {
        1: { remove: [1, 2] },
        2: { insert: { index: 3, count: 2 } },
        3: { remove: [0] },
      });
      assertHealed(segments, data);
    });

    test('a deletion after the facade has forgotten the first pages: healed by a re-read from just before what it remembers, not from the start', async () => {
      // pageSize 5 remembers 20 pages (at least 100 ids), and a re-read starts one page before them. HighLevel
      // (offsets 0, 4, 8, …): the request at offset 160 sees the shift, the re-read starts at offset 76.
      // Shoplazza (1/5, then page p and the probe of page p−1's end): page 30's probe sees it, the re-read
      // starts at page 9.
      const at = provider === 'highlevel' ? 40 : 57;
      const { segments, data } = await listWithMutations(rig, { [at]: { remove: [2] } }, {}, 200);
      assertHealed(segments, data);
      const urls = rig.sandbox.requestLog.map((entry) => new URL(entry.url, 'http://x').searchParams);
      const restart = urls[at + (provider === 'highlevel' ? 1 : 2)];
      expect(provider === 'highlevel' ? restart?.get('offset') : restart?.get('page')).toBe(
        provider === 'highlevel' ? '76' : '9',
      );
      const firstPageRequests = urls.filter((params) =>
        provider === 'highlevel'
          ? (params.get('offset') ?? '0') === '0'
          : params.get('page') === '1' && params.get('limit') === String(PAGE_SIZE),
      );
      expect(firstPageRequests).toHaveLength(1);
    });

    test('a deletion balanced by an insertion (same size, offsets shifted): healed', async () => {
      const { segments, data } = await listWithMutations(rig, {
        1: { remove: [0], insert: { index: -1, count: 1 } },
      });
      assertHealed(segments, data);
    });
  },
);

describe('shoplazza: data that never settles, and the opt-out', () => {
  let rig: ProviderRig;
  beforeAll(async () => {
    rig = await startRig('shoplazza');
  });
  afterAll(async () => {
    await rig?.close();
  });

  test('data that never settles: ConsistencyError (typed, with progress), then a resume that misses nothing', async () => {
    const churn: Record<number, Mutation> = {};
    // Every request of the first listing (page 1, page 2 and its probe, per walk) loses the collection at the
    // front; then the data settles.
    const churning = 3 * (MAX_RESTARTS + 1) - 1;
    for (let index = 1; index <= churning; index++) churn[index] = { remove: [0] };
    const { segments, data } = await listWithMutations(rig, churn);
    const first = segments[0]?.error;
    // The resume cursor goes back to the walk's start: the shift may have moved unseen items before the boundary.
    expect(getListProgress(first)?.resumeCursor).toEqual({
      provider: 'shoplazza',
      page: 1,
      pageSize: PAGE_SIZE,
    });
    expect(first).toBeInstanceOf(ConsistencyError);
    expect((first as ConsistencyError).provider).toBe('shoplazza');
    expect(getListProgress(first)?.provider).toBe('shoplazza');
    const firstIds = segments[0]?.ids ?? [];
    expect(new Set(firstIds).size).toBe(firstIds.length);
    expect(segments.at(-1)?.error).toBeUndefined();
    // Repeats across the two calls are allowed (the data changed in between); misses are not.
    assertStableItemsOnce(
      segments.map((segment, index) =>
        index === 0 ? segment : { ...segment, ids: segment.ids.filter((id) => !firstIds.includes(id)) },
      ),
      data,
    );
  });

  test('no probe: a deletion before the current position silently misses the collection crossing the boundary', async () => {
    const { segments, data } = await listWithMutations(
      rig,
      { 1: { remove: [0] } },
      { verifyPageBoundaries: false },
    );
    expect(typedErrors(segments)).toEqual([]);
    // The documented cost of opting out: page 2 was read after the shift, so its old first item was never seen.
    expect(() => assertStableItemsOnce(segments, data)).toThrow(/silently missed 1 collection/);
    expect(
      rig.sandbox.requestLog.map((entry) => new URL(entry.url, 'http://x').searchParams.get('limit')),
    ).not.toContain('1');
  });
});

describe('highlevel: total changing mid-listing', () => {
  let rig: ProviderRig;
  beforeAll(async () => {
    rig = await startRig('highlevel');
  });
  afterAll(async () => {
    await rig?.close();
  });

  test('total grows at the end only (no shift): every original collection exactly once', async () => {
    const { segments, data } = await listWithMutations(rig, { 2: { insert: { index: -1, count: 3 } } });
    assertStableItemsOnce(segments, data);
    expect(typedErrors(segments)).toEqual([]);
  });

  test('data that never settles: ConsistencyError (typed, with progress), then a resume that misses nothing', async () => {
    const churn: Record<number, Mutation> = {};
    // Every request of the first listing sees a new collection at the front; then the data settles.
    const churning = 2 * (MAX_RESTARTS + 1) + 1;
    for (let index = 1; index <= churning; index++) churn[index] = { insert: { index: 0, count: 1 } };
    const { segments, data } = await listWithMutations(rig, churn);
    const first = segments[0]?.error;
    expect(first).toBeInstanceOf(ConsistencyError);
    expect(first).toBeInstanceOf(CommerceCollectionsError);
    expect((first as ConsistencyError).expectedTotal).not.toBe((first as ConsistencyError).actualTotal);
    expect(getListProgress(first)?.provider).toBe('highlevel');
    // Nothing twice within the failed listing, even while the data churns.
    const firstIds = segments[0]?.ids ?? [];
    expect(new Set(firstIds).size).toBe(firstIds.length);
    // The resume completes, and together the two calls miss no collection (the README allows repeats across
    // the two calls when the data changed in between: the id dedupe does not span them).
    expect(segments.at(-1)?.error).toBeUndefined();
    assertStableItemsOnce(
      segments.map((segment, index) =>
        index === 0 ? segment : { ...segment, ids: segment.ids.filter((id) => !firstIds.includes(id)) },
      ),
      data,
    );
    // The re-reads are bounded: the first listing gave up while the data was still churning.
    const log = rig.sandbox.requestLog;
    expect(log.length).toBeGreaterThan(churning);
  });
});
