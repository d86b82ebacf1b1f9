import {
  type HighLevelSandbox,
  type ShoplazzaSandbox,
  startHighLevelSandbox,
  startShoplazzaSandbox,
} from '@commerce-collections/contract';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { collect, linesSeen, SECRET_TOKEN, settle, spawnCli, until } from './harness';

/**
 * Ctrl-C (SIGINT) at awkward moments: between pages, while the CLI waits out a Retry-After, while a response is
 * still coming, while the client-side rate limiter holds the next request. Each time: exit 130, what was printed
 * is complete (every ndjson line parses; json is a closed array), and no request reaches the server after the
 * process is gone (the sandbox's request log stops growing). Every wait is bounded: a CLI that slept through the
 * 30 s Retry-After or the 30 s slow response would blow the per-process deadline and fail the test.
 */
const LONG_WAIT_MS = 30_000;
const PROCESS_DEADLINE_MS = 12_000;

let faults: (context: { requestIndex: number }) => unknown = () => undefined;
let highlevel: HighLevelSandbox;
let shoplazza: ShoplazzaSandbox;

beforeAll(async () => {
  const common = {
    token: SECRET_TOKEN,
    seed: 'interrupt',
    faults: (context: { requestIndex: number }) => faults(context) as never,
  };
  highlevel = await startHighLevelSandbox({ ...common, collections: 240, latencyMs: 40, rateLimit: false });
  // Shoplazza keeps its real 2 requests/s limit on both sides: the CLI spends most of its time waiting.
  shoplazza = await startShoplazzaSandbox({ ...common, collections: 100 });
});
afterAll(async () => {
  await Promise.all([highlevel?.close(), shoplazza?.close()]);
});
beforeEach(() => {
  faults = () => undefined;
  highlevel.reset();
  shoplazza.reset();
});

function startHighLevel(format: 'ndjson' | 'json', extra: string[] = []) {
  return spawnCli(
    [
      'list',
      '--provider=highlevel',
      '--page-size=5',
      `--format=${format}`,
      `--highlevel-base-url=${highlevel.url}`,
      ...extra,
    ],
    { HIGHLEVEL_TOKEN: SECRET_TOKEN, HIGHLEVEL_LOCATION_ID: highlevel.locationId },
  );
}

async function expectStoppedRequesting(log: readonly unknown[]): Promise<void> {
  const atExit = log.length;
  await settle(300);
  expect(log.length).toBe(atExit);
}

function expectCompleteNdjson(stdout: string): unknown[] {
  expect(stdout === '' || stdout.endsWith('\n')).toBe(true);
  const lines = stdout.split('\n').filter((line) => line.length > 0);
  return lines.map((line) => JSON.parse(line) as unknown);
}

describe('SIGINT', () => {
  test('between pages (ndjson): exit 130, whole lines only, no further requests', {
    timeout: 20_000,
  }, async () => {
    const child = startHighLevel('ndjson');
    const done = collect(child, PROCESS_DEADLINE_MS);
    await linesSeen(child, 6);
    child.kill('SIGINT');
    const result = await done;
    expect(result.code).toBe(130);
    const rows = expectCompleteNdjson(result.stdout);
    expect(rows.length).toBeGreaterThanOrEqual(6);
    expect(rows.length).toBeLessThan(240);
    expect(new Set(rows.map((row) => (row as { id: string }).id)).size).toBe(rows.length);
    expect(highlevel.requestLog.length).toBeLessThan(48);
    await expectStoppedRequesting(highlevel.requestLog);
    expect(`${result.stdout}${result.stderr}`).not.toContain(SECRET_TOKEN);
  });

  test('json: the array printed so far is closed and valid', { timeout: 20_000 }, async () => {
    const child = startHighLevel('json');
    const done = collect(child, PROCESS_DEADLINE_MS);
    await linesSeen(child, 8);
    child.kill('SIGINT');
    const result = await done;
    expect(result.code).toBe(130);
    const rows = JSON.parse(result.stdout) as unknown[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(240);
    await expectStoppedRequesting(highlevel.requestLog);
  });

  test('table (the default format): whole rows only', { timeout: 20_000 }, async () => {
    const child = spawnCli(
      ['list', '--provider=highlevel', '--page-size=5', `--highlevel-base-url=${highlevel.url}`],
      { HIGHLEVEL_TOKEN: SECRET_TOKEN, HIGHLEVEL_LOCATION_ID: highlevel.locationId },
    );
    const done = collect(child, PROCESS_DEADLINE_MS);
    await linesSeen(child, 6);
    child.kill('SIGINT');
    const result = await done;
    expect(result.code).toBe(130);
    expect(result.stdout.endsWith('\n')).toBe(true);
    const rows = result.stdout.trimEnd().split('\n');
    expect(rows.length).toBeGreaterThanOrEqual(6);
    // Every row printed carries a whole collection id (24 hex characters), none cut mid-row.
    for (const row of rows.slice(1)) expect(row).toMatch(/[0-9a-f]{24}/);
    await expectStoppedRequesting(highlevel.requestLog);
  });

  test('while waiting out a Retry-After: stops at once', { timeout: 20_000 }, async () => {
    // Two good pages, then 429 with a wait the CLI honours (under its 60 s cap).
    faults = ({ requestIndex }) =>
      requestIndex >= 2
        ? {
            status: 429,
            body: { message: 'slow down' },
            headers: { 'Retry-After': String(LONG_WAIT_MS / 1000) },
          }
        : undefined;
    const child = startHighLevel('ndjson');
    const done = collect(child, PROCESS_DEADLINE_MS);
    await until(() => highlevel.requestLog.some((entry) => entry.status === 429), 'a 429 to be served');
    child.kill('SIGINT');
    const result = await done;
    expect(result.code).toBe(130);
    expectCompleteNdjson(result.stdout);
    await expectStoppedRequesting(highlevel.requestLog);
  });

  test('while a response is still coming: the request is abandoned', { timeout: 20_000 }, async () => {
    faults = ({ requestIndex }) => (requestIndex === 3 ? { delayMs: LONG_WAIT_MS } : undefined);
    const child = startHighLevel('ndjson', []);
    const done = collect(child, PROCESS_DEADLINE_MS);
    await until(() => highlevel.requestLog.length >= 4, 'the slow request to arrive');
    child.kill('SIGINT');
    const result = await done;
    expect(result.code).toBe(130);
    expectCompleteNdjson(result.stdout);
    await expectStoppedRequesting(highlevel.requestLog);
  });

  test('while the client-side rate limiter holds the next request (Shoplazza, 2 requests/s)', {
    timeout: 20_000,
  }, async () => {
    const child = spawnCli(
      [
        'list',
        '--provider=shoplazza',
        '--page-size=5',
        '--format=ndjson',
        `--shoplazza-base-url=${shoplazza.url}`,
      ],
      { SHOPLAZZA_TOKEN: SECRET_TOKEN, SHOPLAZZA_SHOP: shoplazza.shop },
    );
    const done = collect(child, PROCESS_DEADLINE_MS);
    await linesSeen(child, 6);
    child.kill('SIGINT');
    const result = await done;
    expect(result.code).toBe(130);
    const rows = expectCompleteNdjson(result.stdout);
    expect(rows.length).toBeLessThan(100);
    expect(shoplazza.requestLog.length).toBeLessThan(20);
    await expectStoppedRequesting(shoplazza.requestLog);
  });

  test('a second Ctrl-C exits 130 at once', { timeout: 20_000 }, async () => {
    faults = ({ requestIndex }) => (requestIndex === 2 ? { delayMs: LONG_WAIT_MS } : undefined);
    const child = startHighLevel('ndjson');
    const done = collect(child, PROCESS_DEADLINE_MS);
    await until(() => highlevel.requestLog.length >= 3, 'the slow request to arrive');
    child.kill('SIGINT');
    child.kill('SIGINT');
    const result = await done;
    expect(result.code).toBe(130);
    await expectStoppedRequesting(highlevel.requestLog);
  });
});
