import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ConsistencyError, createCollectionsClient, getListProgress } from '../../../src/index';
import {
  FAST,
  fcParameters,
  scheduleArbitrary,
  shapeArbitrary,
  wireFault,
} from '../../support/reliability/fault-schedule';
import {
  assertExactlyOnceInOrder,
  assertStableItemsOnce,
  InvariantViolation,
  listWithResumes,
} from '../../support/reliability/invariant';
import { MAX_ITEMS, type ProviderRig, startRig } from '../../support/reliability/providers';

/**
 * Two more random properties around the main one (fault-invariant.test.ts):
 *
 * - both providers in one listing, each with its own fault schedule: the resume cursor crosses from HighLevel to
 *   Shoplazza and the union is still exactly HighLevel's collections then Shoplazza's, in order, nothing twice;
 * - random insertions and deletions while paginating, several on the same request too (a shift that leaves
 *   `total` unchanged), under the facade's documented policy (README "Collections added or removed while
 *   listing"): HighLevel heals every shift through its one-item page overlap, Shoplazza through its one-item
 *   boundary probe (both re-read from just before what they remember, or throw ConsistencyError after
 *   MAX_RESTARTS or a shift larger than that, after which a resume misses nothing). Shoplazza's probe is a separate request, so it cannot see a deletion and an
 *   insertion before the boundary that cancel out on two different requests (README); its schedules are
 *   insertions only, deletions only, or any mix landing on one request.
 */
// Hundreds of real listings over loopback: CPU-bound, about a minute on an idle machine, several with both cores
// busy (120 s timed out). The timeout only bounds "finishes at all".
const FINISHES_AT_ALL_MS = 600_000;
const RUNS = Math.max(1, Math.floor(Number(process.env.RELIABILITY_RUNS ?? 200) / 2));

describe('all providers in one listing: random fault schedules on both', () => {
  let highlevel: ProviderRig;
  let shoplazza: ProviderRig;
  beforeAll(async () => {
    [highlevel, shoplazza] = await Promise.all([startRig('highlevel'), startRig('shoplazza')]);
  });
  afterAll(async () => {
    await Promise.all([highlevel?.close(), shoplazza?.close()]);
  });

  test(`exactly once in order across the provider boundary, resumable (${RUNS} schedules)`, {
    timeout: FINISHES_AT_ALL_MS,
  }, async () => {
    const arbitrary = fc.record({
      highlevelSchedule: scheduleArbitrary,
      shoplazzaSchedule: scheduleArbitrary,
      highlevelShape: shapeArbitrary,
      shoplazzaSize: fc.integer({ min: 0, max: 30 }),
    });
    await fc.assert(
      fc.asyncProperty(
        arbitrary,
        async ({ highlevelSchedule, shoplazzaSchedule, highlevelShape, shoplazzaSize }) => {
          highlevel.reset(highlevelShape.size);
          shoplazza.reset(shoplazzaSize);
          const expected = [...highlevel.ids(), ...shoplazza.ids()];
          highlevel.route = ({ requestIndex }) =>
            wireFault(highlevelSchedule[requestIndex] ?? 'ok', highlevel.errorBody);
          shoplazza.route = ({ requestIndex }) =>
            wireFault(shoplazzaSchedule[requestIndex] ?? 'ok', shoplazza.errorBody);
          const client = createCollectionsClient({
            highlevel: highlevel.block() as never,
            shoplazza: shoplazza.block() as never,
            retry: FAST.retry,
            timeoutMs: FAST.timeoutMs,
          });
          const query = { pageSize: highlevelShape.pageSize };
          const segments = await listWithResumes(
            {
              list: (resumeFrom, signal) =>
                client.list(query, {
                  signal,
                  ...(resumeFrom === undefined ? {} : { resumeFrom: resumeFrom as never }),
                }),
              progressOf: getListProgress,
              idOf: (item) => item.id,
              providerOf: (item) => item.provider,
            },
            { maxResumes: highlevelSchedule.length + shoplazzaSchedule.length + 2, deadlineMs: 20_000 },
          );
          assertExactlyOnceInOrder(segments, expected);
        },
      ),
      fcParameters(RUNS),
    );
  });
});

type Mutation = { at: number; insert: number } | { at: number; remove: number };

const at = fc.integer({ min: 1, max: 60 });
const insertion = fc.record({ at, insert: fc.nat({ max: 60 }) });
const deletion = fc.record({ at, remove: fc.nat({ max: 60 }) });
const anyMix: fc.Arbitrary<Mutation[]> = fc.array(fc.oneof(insertion, deletion), { maxLength: 4 });

const mutationsArbitrary: Record<'highlevel' | 'shoplazza', fc.Arbitrary<Mutation[]>> = {
  highlevel: anyMix,
  shoplazza: fc.oneof(
    fc.array(insertion, { maxLength: 4 }),
    fc.array(deletion, { maxLength: 4 }),
    fc.tuple(at, anyMix).map(([request, mutations]) => mutations.map((m) => ({ ...m, at: request }))),
  ),
};

// Lists up to MAX_ITEMS long, mutated up to request 60: long enough that the facade has forgotten its first
// pages (it remembers at least 100 ids), so re-reads from just before what it remembers are exercised too.
const mutationShapeArbitrary = fc.record({
  pageSize: fc.oneof(fc.constantFrom(2, 5, 10, 25), fc.integer({ min: 2, max: 25 })),
  size: fc.integer({ min: 0, max: MAX_ITEMS }),
});

describe.each(['highlevel', 'shoplazza'] as const)(
  '%s: random insertions and deletions while paginating',
  (provider) => {
    let rig: ProviderRig;
    beforeAll(async () => {
      rig = await startRig(provider);
    });
    afterAll(async () => {
      await rig?.close();
    });

    test(`healed, or ConsistencyError and a resume that misses nothing (${RUNS} runs)`, {
      timeout: FINISHES_AT_ALL_MS,
    }, async () => {
      await fc.assert(
        fc.asyncProperty(
          mutationsArbitrary[provider],
          mutationShapeArbitrary,
          fc.integer({ min: 1, max: 4 }),
          async (mutations, shape, concurrency) => {
            rig.reset(shape.size);
            const initial = rig.ids();
            const removed: string[] = [];
            const inserted: string[] = [];
            let counter = 0;
            rig.route = ({ requestIndex }) => {
              // Applied here, in order, before the sandbox answers this request.
              for (const mutation of mutations.filter((candidate) => candidate.at === requestIndex)) {
                const ids = rig.ids();
                if ('remove' in mutation) {
                  const id = ids[mutation.remove % Math.max(1, ids.length)];
                  if (id === undefined) continue;
                  removed.push(id);
                  rig.sandbox.dataset.remove(id);
                } else {
                  const item = rig.newItem(counter++);
                  inserted.push(rig.idOf(item));
                  (rig.sandbox.dataset as { insert(item: unknown, index: number): number }).insert(
                    item,
                    Math.min(mutation.insert, ids.length),
                  );
                }
              }
              return undefined;
            };
            const client = createCollectionsClient({
              [provider]: rig.block(),
              retry: FAST.retry,
              timeoutMs: 5_000,
              concurrency,
            });
            const query = { provider, pageSize: shape.pageSize } as const;
            const segments = await listWithResumes(
              {
                list: (resumeFrom, signal) =>
                  client.list(query, {
                    signal,
                    ...(resumeFrom === undefined ? {} : { resumeFrom: resumeFrom as never }),
                  }),
                progressOf: getListProgress,
                idOf: (item) => item.id,
              },
              { maxResumes: 3, deadlineMs: 15_000 },
            );
            for (const segment of segments) {
              if (segment.error !== undefined && !(segment.error instanceof ConsistencyError)) {
                throw new InvariantViolation(
                  `unexpected ${(segment.error as Error).name}: ${(segment.error as Error).message}`,
                );
              }
              expect(new Set(segment.ids).size).toBe(segment.ids.length);
            }
            // Across a resume after ConsistencyError repeats are allowed (the data changed in between); misses never.
            const yielded = new Set<string>();
            const deduped = segments.map((segment) => {
              const ids = segment.ids.filter((id) => !yielded.has(id));
              for (const id of ids) yielded.add(id);
              return { ...segment, ids };
            });
            assertStableItemsOnce(deduped, { initial, removed, inserted });
          },
        ),
        fcParameters(RUNS),
      );
    });
  },
);
