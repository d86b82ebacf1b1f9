import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HighLevelSandbox, startHighLevelSandbox } from '../../src/sandbox/highlevel';
import { type ShoplazzaSandbox, startShoplazzaSandbox } from '../../src/sandbox/shoplazza';
import { runBuiltCli } from './run-built-cli';

// A token that is easy to spot if it ever leaks into output or reports.
const token = 'tok-SECRET-5f0c1d';
const env = { HIGHLEVEL_TOKEN: token, SHOPLAZZA_TOKEN: token };
const fast = ['--rate', '50'];
let faithful: HighLevelSandbox;
let drifted: HighLevelSandbox;
let shoplazza: ShoplazzaSandbox;
let shoplazzaDrifted: ShoplazzaSandbox;
const workDir = mkdtempSync(join(tmpdir(), 'contract-verify-'));

beforeAll(async () => {
  faithful = await startHighLevelSandbox({ token, rateLimit: false });
  drifted = await startHighLevelSandbox({ token, rateLimit: false, mode: 'drifted' });
  shoplazza = await startShoplazzaSandbox({ token, rateLimit: false });
  shoplazzaDrifted = await startShoplazzaSandbox({ token, rateLimit: false, mode: 'drifted' });
});
afterAll(async () => {
  await Promise.all([faithful, drifted, shoplazza, shoplazzaDrifted].map((sandbox) => sandbox?.close()));
});

function writeBaseline(name: string, entries: unknown): string {
  const file = join(workDir, name);
  writeFileSync(file, JSON.stringify(entries));
  return file;
}

describe('verify (built CLI)', () => {
  it('exits 0 against the faithful HighLevel sandbox, sending every documented request once', async () => {
    const run = await runBuiltCli(['verify', 'highlevel', '--upstream', faithful.url, ...fast], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('OK: 5 requests, no new violations.');
    expect(faithful.requestLog.map((entry) => entry.url)).toEqual([
      '/products/collections?altId=6578278e879ad2646715ba9c&altType=location',
      '/products/collections?altId=6578278e879ad2646715ba9c&altType=location&limit=20',
      '/products/collections?altId=6578278e879ad2646715ba9c&altType=location&offset=0',
      '/products/collections?altId=6578278e879ad2646715ba9c&altType=location&collectionIds=65d71377c326ea78e1c47df5%2C65d71377c326ea78e1c47d34',
      '/products/collections?altId=6578278e879ad2646715ba9c&altType=location&name=Best+Sellers',
    ]);
    expect(faithful.requestLog[0]?.headers.version).toBe('2021-07-28');
  });

  it('exits 0 against the faithful Shoplazza sandbox, with --shop filling {shop}', async () => {
    const upstream = shoplazza.url.replace('127.0.0.1', '{shop}');
    const run = await runBuiltCli(
      ['verify', 'shoplazza', '--upstream', upstream, '--shop', '127.0.0.1', ...fast],
      env,
    );
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toContain('OK: 16 requests, no new violations.');
    expect(shoplazza.requestLog[0]?.headers['content-type']).toBe('application/json');
  });

  it('exits 1 against the drifted HighLevel sandbox, naming total and name, without the token', async () => {
    const junit = join(workDir, 'drifted.xml');
    const run = await runBuiltCli(
      ['verify', 'highlevel', '--upstream', drifted.url, '--junit', junit, ...fast],
      env,
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'listCollections  response.body.total  Response body property total must be integer [type]',
    );
    expect(run.stdout).toContain(
      "listCollections  response.body.data[*]  Response body property data[*] must have required property 'name' [required]",
    );
    expect(run.stdout).toContain('FAIL: 2 violation(s), 0 expired baseline entries.');
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toContain('<testsuite name="highlevel" tests="5" failures="5">');
    expect(xml).toContain(
      'message="response.body.data[*]: Response body property data[*] must have required property &apos;name&apos;"',
    );
    for (const text of [run.stdout, run.stderr, xml]) expect(text).not.toContain(token);
  });

  it('exits 1 against the drifted Shoplazza sandbox, naming id and smart', async () => {
    const run = await runBuiltCli(['verify', 'shoplazza', '--upstream', shoplazzaDrifted.url, ...fast], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("must have required property 'id'");
    expect(run.stdout).toContain('response.body.collections[*].smart');
  });

  it('exits 0 when live baseline entries cover the drift, and lists them as suppressed', async () => {
    const baseline = writeBaseline('live.json', [
      {
        operation: 'listCollections',
        location: 'response.body.total',
        expires: '2999-12-31',
        reason: 'VEND-1',
      },
      {
        operation: 'listCollections',
        location: 'response.body.data[*]',
        message: "required property 'name'",
        expires: '2999-12-31',
        reason: 'VEND-2',
      },
    ]);
    const run = await runBuiltCli(
      ['verify', 'highlevel', '--upstream', drifted.url, '--baseline', baseline, ...fast],
      env,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Known drift suppressed by the baseline (2):');
    expect(run.stdout).toContain('OK: 5 requests, no new violations.');
  });

  it('exits 1 on an expired baseline entry, reporting it', async () => {
    const baseline = writeBaseline('expired.json', [
      {
        operation: 'listCollections',
        location: 'response.body.total',
        expires: '2000-01-01',
        reason: 'VEND-1',
      },
      {
        operation: 'listCollections',
        location: 'response.body.data[*]',
        expires: '2999-12-31',
        reason: 'VEND-2',
      },
    ]);
    const run = await runBuiltCli(
      ['verify', 'highlevel', '--upstream', drifted.url, '--baseline', baseline, ...fast],
      env,
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Expired baseline entries (1)');
    expect(run.stdout).toContain('listCollections  response.body.total  expired 2000-01-01: VEND-1');
    expect(run.stdout).toContain('FAIL: 1 violation(s), 1 expired baseline entry.');
  });

  it('stops at --max-requests and says how many were not sent', async () => {
    faithful.reset();
    const run = await runBuiltCli(
      ['verify', 'highlevel', '--upstream', faithful.url, '--max-requests', '2', ...fast],
      env,
    );
    expect(run.code).toBe(0);
    expect(faithful.requestLog).toHaveLength(2);
    expect(run.stdout).toContain('(3 more documented requests not sent: --max-requests)');
  });

  it('reports a wrong token as a non-2xx finding, never echoing either token', async () => {
    const run = await runBuiltCli(['verify', 'highlevel', '--upstream', faithful.url, ...fast], {
      HIGHLEVEL_TOKEN: 'tok-WRONG-77',
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'response.status  expected a 2xx answer to a documented positive request, got 401',
    );
    expect(run.stdout + run.stderr).not.toContain('tok-WRONG-77');
  });

  it.each([
    [['verify', 'highlevel', '--upstream', 'http://127.0.0.1:9', '--bogus'], "Unknown option '--bogus'"],
    [['verify', 'highlevel'], 'verify: --upstream URL is required.'],
    [['verify', 'magento', '--upstream', 'http://127.0.0.1:9'], 'verify: unknown provider "magento"'],
    [['verify', 'highlevel', '--upstream', 'not a url'], 'verify: --upstream must be an http(s) URL'],
    [
      ['verify', 'highlevel', '--upstream', 'http://127.0.0.1:9', '--rate', '0'],
      'verify: --rate must be a number',
    ],
    [
      ['verify', 'highlevel', '--upstream', 'http://127.0.0.1:9', '--token-env', 'NOPE'],
      'NOPE is empty or unset',
    ],
    [
      ['verify', 'shoplazza', '--upstream', 'https://{shop}.myshoplazza.com'],
      '--upstream must be an http(s) URL',
    ],
    [['frobnicate'], 'Unknown command "frobnicate"'],
  ])('exits 2 with a hint on usage error %j', async (args, message) => {
    const run = await runBuiltCli(args, env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('Hint:');
    expect(run.stdout).toBe('');
  });

  it('exits 2 on a malformed baseline, naming the entry and field', async () => {
    const baseline = writeBaseline('bad.json', [
      { operation: 'listCollections', location: 'x', expires: 'soon' },
    ]);
    const run = await runBuiltCli(
      ['verify', 'highlevel', '--upstream', faithful.url, '--baseline', baseline],
      env,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('entry 0 "expires" must be a date YYYY-MM-DD');
  });

  it('documents every flag in --help', async () => {
    const run = await runBuiltCli(['verify', '--help']);
    expect(run.code).toBe(0);
    for (const flag of [
      '--upstream',
      '--token-env',
      '--location-id',
      '--shop',
      '--junit',
      '--baseline',
      '--rate',
      '--max-requests',
      '--timeout',
      '--help',
    ]) {
      expect(run.stdout).toContain(flag);
    }
  });
});

describe('verify --timeout (built CLI)', () => {
  it('stops at the budget and fails, naming the timeout, without waiting for the upstream', async () => {
    // The budget starts once Prism's proxy is up, and Prism's first forward (its validators compiled on first use)
    // took more than 0.5 s on a loaded machine, so the upstream saw no request: 5 s leaves room for it. The
    // upstream answers only after 90 s; the CLI must have exited before that, though Prism cannot cancel the
    // request it forwarded (its socket kept the process alive until the answer, before cli.ts exited explicitly).
    const slow = await startHighLevelSandbox({ token, rateLimit: false, latencyMs: 90_000 });
    try {
      const run = await runBuiltCli(
        ['verify', 'highlevel', '--upstream', slow.url, '--timeout', '5', ...fast],
        env,
      );
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('listCollections  request  timed out [timeout] (requests: default)');
      expect(slow.requestLog).toHaveLength(1);
      expect(slow.requestLog[0]?.status, 'the upstream had answered before the CLI exited').toBeUndefined();
    } finally {
      await slow.close();
    }
  });
});

describe('verify against an unreachable upstream (built CLI)', () => {
  it('fails with the reason Prism gives in the finding', async () => {
    const gone = await startHighLevelSandbox({ token });
    await gone.close();
    const run = await runBuiltCli(
      ['verify', 'highlevel', '--upstream', gone.url, '--max-requests', '1'],
      env,
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('got 500 (Prism: request to');
    expect(run.stdout).toContain('ECONNREFUSED');
  });
});

describe('verify --location-id and --junit on success (built CLI)', () => {
  it('sends the given location as altId and writes a passing report', async () => {
    const located = await startHighLevelSandbox({ token, rateLimit: false, locationId: 'loc-42' });
    const junit = join(workDir, 'ok.xml');
    try {
      const run = await runBuiltCli(
        [
          'verify',
          'highlevel',
          '--upstream',
          located.url,
          '--location-id',
          'loc-42',
          '--junit',
          junit,
          ...fast,
        ],
        env,
      );
      expect(run.code).toBe(0);
      expect(located.requestLog.every((entry) => entry.url.includes('altId=loc-42&'))).toBe(true);
      expect(readFileSync(junit, 'utf8')).toContain('<testsuite name="highlevel" tests="5" failures="0">');
    } finally {
      await located.close();
    }
  });
});
