import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  ConnectionError,
  createCollectionsClient,
  getListProgress,
  InvalidResponseError,
  RateLimitError,
  ServerError,
  TimeoutError,
} from '../../../src/index';
import { capture } from '../../support/reliability/capture';
import { FAST, type FaultKind, wireFault } from '../../support/reliability/fault-schedule';
import { assertExactlyOnceInOrder, listWithResumes } from '../../support/reliability/invariant';
import { type ProviderRig, startRig } from '../../support/reliability/providers';
import { findLeaks, SECRET_TOKEN } from '../../support/reliability/secrets';

/**
 * Each fault on its own, deterministically: what a listing does when the first `times` requests meet it, with the
 * fast retry policy (2 retries, Retry-After cap 50 ms, 200 ms timeout). `heals` means the retries absorb it and
 * the listing is complete; otherwise the listing fails with that error class, says it yielded nothing, and a
 * resume completes it. The token must not leak through any error, log record or hook event.
 */
interface Case {
  kind: FaultKind;
  times: number;
  outcome:
    | 'heals'
    | { type: abstract new (...args: never[]) => Error; name: string; check?: (error: never) => void };
}

const cases: Case[] = [
  { kind: 'reset-before-headers', times: 2, outcome: 'heals' },
  { kind: 'reset-before-headers', times: 3, outcome: { type: ConnectionError, name: 'ConnectionError' } },
  // Typed calls read the body inside the transport's retry loop: a body lost mid-read is retried like any
  // network failure, and only a persistent one surfaces as ConnectionError.
  { kind: 'reset-mid-body', times: 2, outcome: 'heals' },
  { kind: 'reset-mid-body', times: 3, outcome: { type: ConnectionError, name: 'ConnectionError' } },
  { kind: 'truncated-body', times: 2, outcome: 'heals' },
  { kind: 'truncated-body', times: 3, outcome: { type: ConnectionError, name: 'ConnectionError' } },
  {
    kind: 'truncated-json',
    times: 1,
    outcome: {
      type: InvalidResponseError,
      name: 'InvalidResponseError',
      check: (error: InvalidResponseError) => expect(error.reason).toBe('json'),
    },
  },
  { kind: 'html-502', times: 2, outcome: 'heals' },
  {
    kind: 'html-502',
    times: 3,
    outcome: {
      type: ServerError,
      name: 'ServerError',
      check: (error: ServerError) => {
        expect(error.status).toBe(502);
        expect(error.attempts).toBe(3);
        // An HTML page never floods the message: one bounded line.
        expect(error.message).not.toMatch(/[\r\n]/);
        expect(error.message.length).toBeLessThan(400);
      },
    },
  },
  {
    kind: 'html-503',
    times: 3,
    outcome: {
      type: ServerError,
      name: 'ServerError',
      check: (error: ServerError) => expect(error.status).toBe(503),
    },
  },
  {
    kind: 'text-plain',
    times: 1,
    outcome: {
      type: InvalidResponseError,
      name: 'InvalidResponseError',
      check: (error: InvalidResponseError) => expect(error.reason).toBe('content-type'),
    },
  },
  { kind: 'server-500', times: 2, outcome: 'heals' },
  {
    kind: 'server-500',
    times: 3,
    outcome: {
      type: ServerError,
      name: 'ServerError',
      check: (error: ServerError) => {
        expect(error.status).toBe(500);
        expect(error.attempts).toBe(3);
      },
    },
  },
  { kind: '429-seconds', times: 2, outcome: 'heals' },
  { kind: '429-http-date', times: 2, outcome: 'heals' },
  { kind: '429-absent', times: 2, outcome: 'heals' },
  {
    kind: '429-absent',
    times: 3,
    outcome: {
      type: RateLimitError,
      name: 'RateLimitError',
      check: (error: RateLimitError) => {
        expect(error.attempts).toBe(3);
        expect(error.retryAfterMs).toBeUndefined();
      },
    },
  },
  {
    kind: '429-seconds-over-cap',
    times: 1,
    outcome: {
      type: RateLimitError,
      name: 'RateLimitError',
      check: (error: RateLimitError) => {
        // Past the cap: no waiting, one attempt, and the caller learns how long the server asked for.
        expect(error.attempts).toBe(1);
        expect(error.retryAfterMs).toBe(1000);
      },
    },
  },
  {
    kind: '429-http-date-over-cap',
    times: 1,
    outcome: {
      type: RateLimitError,
      name: 'RateLimitError',
      check: (error: RateLimitError) => {
        expect(error.attempts).toBe(1);
        expect(error.retryAfterMs).toBeGreaterThan(3_000_000);
      },
    },
  },
  {
    kind: '429-absurd',
    times: 1,
    outcome: {
      type: RateLimitError,
      name: 'RateLimitError',
      check: (error: RateLimitError) => {
        expect(error.attempts).toBe(1);
        expect(error.retryAfterMs).toBeGreaterThan(FAST.retry.maxRetryAfterMs);
      },
    },
  },
  { kind: 'slow', times: 1, outcome: 'heals' },
  {
    kind: 'slow',
    times: 3,
    outcome: {
      type: TimeoutError,
      name: 'TimeoutError',
      check: (error: TimeoutError) => {
        expect(error.timeoutMs).toBe(TIMEOUT_MS);
        expect(error.attempts).toBe(3);
      },
    },
  },
];

const SIZE = 12;
const PAGE_SIZE = 5;
/**
 * Cases that must heal need every healthy attempt to beat the timeout even on a loaded machine: a roomier
 * timeout than the random schedules use (where a spurious timeout is just one more typed, resumable error).
 */
const TIMEOUT_MS = 1_000;
const SLOW_MS = 2_500;

describe.each(['highlevel', 'shoplazza'] as const)('%s: one fault kind at a time', (provider) => {
  let rig: ProviderRig;
  beforeAll(async () => {
    rig = await startRig(provider);
  });
  afterAll(async () => {
    await rig?.close();
  });

  test.each(cases.map((item) => [`${item.kind} ×${item.times}`, item] as const))(
    '%s',
    { timeout: 20_000 },
    async (_, item) => {
      rig.reset(SIZE);
      const expected = rig.ids();
      rig.route = ({ requestIndex }) =>
        requestIndex < item.times ? wireFault(item.kind, rig.errorBody, SLOW_MS) : undefined;
      const observed = capture();
      const client = createCollectionsClient({
        [provider]: rig.block(),
        retry: FAST.retry,
        timeoutMs: TIMEOUT_MS,
        logger: observed.logger,
        logLevel: 'debug',
        hooks: observed.hooks,
        concurrency: 1,
      });
      const query = { provider, pageSize: PAGE_SIZE } as const;
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
        { maxResumes: 2, deadlineMs: 10_000 },
      );
      assertExactlyOnceInOrder(segments, expected);
      if (item.outcome === 'heals') {
        expect(segments.map((segment) => segment.error)).toEqual([undefined]);
      } else {
        expect(segments).toHaveLength(2);
        const error = segments[0]?.error;
        expect(error).toBeInstanceOf(item.outcome.type);
        expect((error as Error).name).toBe(item.outcome.name);
        expect(segments[0]?.progress).toMatchObject({ provider, yielded: 0 });
        item.outcome.check?.(error as never);
      }
      // Every attempt was reported, and the events name what went wrong.
      expect(observed.events.length).toBeGreaterThanOrEqual(item.times);
      expect(
        findLeaks(SECRET_TOKEN, [
          ...segments.map((segment) => segment.error),
          ...observed.logs,
          ...observed.events,
        ]),
      ).toEqual([]);
    },
  );
});

describe.each(['highlevel', 'shoplazza'] as const)('%s: listPages and listPage under faults', (provider) => {
  let rig: ProviderRig;
  beforeAll(async () => {
    rig = await startRig(provider);
  });
  afterAll(async () => {
    await rig?.close();
  });

  test('listPages: a failure after two pages carries progress, and a resume yields the rest', async () => {
    rig.reset(SIZE);
    const expected = rig.ids();
    // Requests 0 and 1 are the first two pages; the third page fails for good (3 attempts).
    rig.route = ({ requestIndex }) =>
      requestIndex >= 2 && requestIndex < 5 ? wireFault('server-500', rig.errorBody) : undefined;
    const client = createCollectionsClient({
      [provider]: rig.block(),
      retry: FAST.retry,
      timeoutMs: TIMEOUT_MS,
      concurrency: 1,
    });
    const query = { provider, pageSize: PAGE_SIZE } as const;
    const seen: string[] = [];
    let failure: unknown;
    try {
      for await (const page of client.listPages(query)) seen.push(...page.items.map((item) => item.id));
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(ServerError);
    const progress = getListProgress(failure);
    expect(progress).toMatchObject({ provider, yielded: seen.length });
    expect(seen).toEqual(expected.slice(0, seen.length));
    for await (const page of client.listPages(query, { resumeFrom: progress?.resumeCursor as never })) {
      seen.push(...page.items.map((item) => item.id));
    }
    expect(seen).toEqual(expected);
  });

  test('listPage: a fault is a typed error; the same cursor then answers', async () => {
    rig.reset(SIZE);
    const client = createCollectionsClient({ [provider]: rig.block(), retry: false, timeoutMs: TIMEOUT_MS });
    const first = await client.listPage({ provider, pageSize: PAGE_SIZE });
    rig.route = ({ requestIndex }) => (requestIndex === 1 ? wireFault('html-503', rig.errorBody) : undefined);
    const cursor = first.nextCursor;
    const failed = await client
      .listPage({ provider, pageSize: PAGE_SIZE, cursor } as never)
      .catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(ServerError);
    const again = await client.listPage({ provider, pageSize: PAGE_SIZE, cursor } as never);
    expect(again.items.map((item) => item.id)).toEqual(rig.ids().slice(PAGE_SIZE, 2 * PAGE_SIZE));
  });
});
