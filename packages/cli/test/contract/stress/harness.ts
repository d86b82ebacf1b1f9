import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { run } from '../../../src/run';

/**
 * Helpers for the CLI stress suite: the CLI in-process (`run()` with captured streams, for many fast cases) and
 * as the built bin in a child process (for exit codes and signals, exactly what users run).
 */

/** A token nobody types by accident: any occurrence in output is a leak. */
export const SECRET_TOKEN = 'tok_CLI-STRESS-S3CRET-91be7d';

export const USAGE_HINT = 'Run commerce-collections list --help';

export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

function sink(): Writable & { text: string } {
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      stream.text += String(chunk);
      callback();
    },
  }) as Writable & { text: string };
  stream.text = '';
  return stream;
}

/** Runs one command line in-process; resolves with the exit code and everything written. */
export async function runInProcess(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  interrupt?: AbortSignal,
): Promise<Captured> {
  const stdout = sink();
  const stderr = sink();
  const code = await run(argv, { stdout, stderr, env, ...(interrupt && { interrupt }) });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

export const binPath = fileURLToPath(new URL('../../../bin/commerce-collections.js', import.meta.url));

/** The bin shim in a child process, with a clean environment (nothing from the developer's shell). */
export function spawnCli(
  args: readonly string[],
  env: Record<string, string> = {},
): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [binPath, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: 'pipe',
  });
}

export interface ChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Collects a child's output until it exits; kills it (and fails) if it outlives `deadlineMs`. */
export function collect(child: ChildProcessWithoutNullStreams, deadlineMs = 20_000): Promise<ChildResult> {
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the CLI did not exit within ${deadlineMs} ms; stderr so far: ${stderr}`));
    }, deadlineMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** Resolves once stdout has shown `count` newline characters (rejects if the child exits first). */
export function linesSeen(child: ChildProcessWithoutNullStreams, count: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = 0;
    const onData = (chunk: Buffer | string): void => {
      seen += String(chunk).split('\n').length - 1;
      if (seen >= count) {
        child.stdout.off('data', onData);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', () => reject(new Error(`the CLI exited after ${seen} lines, before ${count}`)));
  });
}

/**
 * A tiny seeded generator for property runs over command lines (fast-check is not a dependency of this
 * package). The seed comes from FC_SEED when set, and is printed with every failure so it reproduces.
 */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
  };
}

export async function forEachSeededCase<T>(
  runs: number,
  generate: (random: ReturnType<typeof seededRandom>) => T,
  check: (value: T) => Promise<void>,
): Promise<void> {
  const seed =
    process.env.FC_SEED === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.FC_SEED);
  const random = seededRandom(seed);
  for (let index = 0; index < runs; index++) {
    const value = generate(random);
    try {
      await check(value);
    } catch (error) {
      const shown = JSON.stringify(value, (_, v) =>
        typeof v === 'string' && v.length > 120 ? `${v.slice(0, 120)}…(${v.length})` : v,
      );
      throw new Error(
        `property failed on run ${index + 1}/${runs} (reproduce with FC_SEED=${seed}): ${shown}\n${(error as Error).message}`,
        { cause: error },
      );
    }
  }
}

/** Polls `predicate` every 10 ms until it holds; rejects after `deadlineMs` (never hangs a test). */
export async function until(predicate: () => boolean, what: string, deadlineMs = 10_000): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (!predicate()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Waits `ms` without asserting anything about time: used to give a stopped process the chance to misbehave. */
export function settle(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const HTML_502 =
  '<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>\r\n<body><h1>502</h1></body></html>\n';

/**
 * Wire faults (the sandboxes' FaultAction shapes) for the CLI secrets scan: every kind the SDK's fault suite
 * plays except the slow response (the CLI's 30 s default timeout would make it the whole suite's runtime).
 */
export const CLI_FAULTS: Record<string, (errorBody: unknown) => unknown> = {
  'reset-before-headers': () => ({ resetConnection: 'before-headers' }),
  'reset-mid-body': () => ({ resetConnection: 'mid-body' }),
  'truncated-body': () => ({ truncateBody: true }),
  'truncated-json': () => ({
    status: 200,
    body: '{"data":[{"_id":"a","name":"Cut',
    contentType: 'application/json',
  }),
  'html-502': () => ({ status: 502, body: HTML_502, contentType: 'text/html' }),
  'text-plain': () => ({ status: 200, body: 'OK', contentType: 'text/plain' }),
  'server-500': (errorBody) => ({ status: 500, body: errorBody }),
  '401-echoing-the-token': () => ({
    status: 401,
    body: { statusCode: 401, message: `Invalid token ${SECRET_TOKEN}` },
  }),
  '429-seconds': (errorBody) => ({ status: 429, body: errorBody, headers: { 'Retry-After': '0' } }),
  '429-http-date-over-cap': (errorBody) => ({
    status: 429,
    body: errorBody,
    headers: { 'Retry-After': new Date(Date.now() + 3_600_000).toUTCString() },
  }),
  '429-absurd': (errorBody) => ({ status: 429, body: errorBody, headers: { 'Retry-After': '999999999999' } }),
};
