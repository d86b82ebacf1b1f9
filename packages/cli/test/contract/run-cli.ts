import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The built bin, exactly what users run. */
export const cliPath = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A clean environment: nothing from the developer's shell (no real tokens) unless a test passes it. */
export function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '', ...extra };
}

export function startCli(
  args: readonly string[],
  env: Record<string, string> = {},
): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [cliPath, ...args], { env: cliEnv(env), stdio: 'pipe' });
}

/** Collects a child's output until it exits. */
export function finished(child: ChildProcessWithoutNullStreams): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  // A destroyed stdout (the broken-pipe test) must not fail the collection.
  child.stdout.on('error', () => {});
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export function runCli(args: readonly string[], env: Record<string, string> = {}): Promise<CliResult> {
  return finished(startCli(args, env));
}

/** Resolves once the child's stdout contains at least `count` newline characters. */
export function waitForLines(child: ChildProcessWithoutNullStreams, count: number): Promise<void> {
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
    child.once('exit', () => reject(new Error(`exited after ${seen} lines, before ${count}`)));
  });
}
