import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The timer guard (test-support/timer-guard.ts, a setup file of every project) must be able to fail: vitest runs
// fixture files with the shared setup files, and each fixture test that schedules a bad timer must fail with
// the guard's message although its own assertions pass; the legitimate ones (fake timers included) must pass.
const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'timer-guard');
const vitestBin = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');

interface JsonResult {
  testResults: { assertionResults: { title: string; status: string; failureMessages: string[] }[] }[];
}

describe('timer guard', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'timer-guard-'));
  let run: ReturnType<typeof spawnSync>;
  let results: Map<string, { status: string; failure: string }>;

  beforeAll(() => {
    const report = join(scratch, 'report.json');
    run = spawnSync(
      process.execPath,
      [
        vitestBin,
        'run',
        '--config',
        join(fixtures, 'vitest.config.ts'),
        '--reporter=json',
        `--outputFile=${report}`,
      ],
      { cwd: fixtures, encoding: 'utf8', env: { ...process.env, CI: '1' } },
    );
    const json = JSON.parse(readFileSync(report, 'utf8')) as JsonResult;
    results = new Map(
      json.testResults
        .flatMap((file) => file.assertionResults)
        .map((test) => [test.title, { status: test.status, failure: test.failureMessages.join('\n') }]),
    );
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('the run fails', () => {
    expect(run.status).toBe(1);
  });

  it.each([
    ['a delay above 2^31 - 1 ms', 'setTimeout(…, 2147483648) exceeds 2^31 − 1 ms'],
    [
      'a delay above the configured maximum',
      'setTimeout(…, 600001) exceeds the configured maximum of 600000 ms',
    ],
    ['an interval above 2^31 - 1 ms', 'setInterval(…, 4294967296) exceeds 2^31 − 1 ms'],
    ['a spin: 1 ms sleeps in a loop', '1000 timers of ≤ 1 ms in a row, no longer one in between: a spin'],
    [
      'a TimeoutOverflowWarning from a timer the guard does not wrap (node:timers)',
      'TimeoutOverflowWarning: 2147483648 does not fit into a 32-bit signed integer',
    ],
    ['real timers again after fake ones: guarded again', 'setTimeout(…, 2147483648) exceeds 2^31 − 1 ms'],
  ])('fails "%s" with the guard\'s message', (title, message) => {
    expect(results.get(title)?.status).toBe('failed');
    expect(results.get(title)?.failure).toContain(`timer guard: ${message}`);
  });

  it.each([
    'ordinary timers, a long one cleared, and a few short ones',
    'fake timers: long delays advanced by hand',
    'real timers after fake ones still work',
  ])('passes "%s"', (title) => {
    expect(results.get(title)).toEqual({ status: 'passed', failure: '' });
  });
});
