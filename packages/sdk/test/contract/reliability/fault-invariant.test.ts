import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createCollectionsClient, getListProgress } from '../../../src/index';
import { capture } from '../../support/reliability/capture';
import {
  FAST,
  type FaultKind,
  fcParameters,
  scheduleArbitrary,
  shapeArbitrary,
  wireFault,
} from '../../support/reliability/fault-schedule';
import { assertExactlyOnceInOrder, listWithResumes } from '../../support/reliability/invariant';
import { type ProviderName, type ProviderRig, startRig } from '../../support/reliability/providers';
import { findLeaks, SECRET_TOKEN } from '../../support/reliability/secrets';

/**
 * The invariant, over seeded random fault schedules (FC_SEED / FC_PATH replay one): `list()` yields every
 * collection exactly once, in order — or throws a typed error carrying `progress`, and resuming from its cursor
 * (as often as needed) completes the listing with no duplicate and nothing missing. Never an untyped exception,
 * never a hang, and the token never shows up in an error, a log record or a hook event.
 */
// Hundreds of real listings over loopback: CPU-bound, about a minute on an idle machine, several with both cores
// busy (120 s timed out). The timeout only bounds "finishes at all".
const FINISHES_AT_ALL_MS = 600_000;
const RUNS = Number(process.env.RELIABILITY_RUNS ?? 200);
const DEADLINE_MS = 15_000;

const kindsSeen = new Map<string, Set<FaultKind>>();
const RIGS: { provider: ProviderName; apiVersion?: '2025-06'; label: string }[] = [
  { provider: 'highlevel', label: 'highlevel' },
  { provider: 'shoplazza', label: 'shoplazza' },
  // Shoplazza 2025-06 pages by the sandbox's keyset cursor: the same faults, the same invariant.
  { provider: 'shoplazza', apiVersion: '2025-06', label: 'shoplazza 2025-06' },
];

describe.each(RIGS)('$label: random fault schedules', ({ provider, apiVersion, label }) => {
  let rig: ProviderRig;
  beforeAll(async () => {
    rig = await startRig(provider, apiVersion === undefined ? {} : { apiVersion });
    kindsSeen.set(label, new Set());
  });
  afterAll(async () => {
    await rig?.close();
  });

  test(`list() is exactly-once-in-order or typed-and-resumable (${RUNS} schedules)`, {
    timeout: FINISHES_AT_ALL_MS,
  }, async () => {
    const arbitrary = fc.record({
      schedule: scheduleArbitrary,
      shape: shapeArbitrary,
      concurrency: fc.integer({ min: 1, max: 4 }),
    });
    await fc.assert(
      fc.asyncProperty(arbitrary, async ({ schedule, shape, concurrency }) => {
        rig.reset(shape.size);
        const expected = rig.ids();
        const seen = kindsSeen.get(label) as Set<FaultKind>;
        rig.route = ({ requestIndex }) => {
          const kind = schedule[requestIndex] ?? 'ok';
          seen.add(kind);
          return wireFault(kind, rig.errorBody);
        };
        const observed = capture();
        const client = createCollectionsClient({
          [provider]: rig.block(),
          retry: FAST.retry,
          timeoutMs: FAST.timeoutMs,
          logger: observed.logger,
          logLevel: 'debug',
          hooks: observed.hooks,
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
          { maxResumes: schedule.length + 2, deadlineMs: DEADLINE_MS },
        );
        assertExactlyOnceInOrder(segments, expected);
        for (const segment of segments) {
          if (segment.progress) expect(segment.progress.provider).toBe(provider);
        }
        const leaks = findLeaks(SECRET_TOKEN, [
          ...segments.flatMap((segment) => (segment.error === undefined ? [] : [segment.error])),
          ...observed.logs,
          ...observed.events,
        ]);
        expect(leaks).toEqual([]);
      }),
      fcParameters(RUNS),
    );
    // The random schedules must have exercised the faults, or the property proves little.
    if (RUNS >= 100) expect(kindsSeen.get(label)?.size).toBeGreaterThanOrEqual(12);
  });
});
