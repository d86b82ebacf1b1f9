import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertApiName } from '../prism/spec-source';
import type { SandboxOptionsByApi } from './start';
import type { ApiName } from './types';

export interface SandboxProcess {
  url: string;
  /** The child's pid, for benchmarks that sample its CPU/memory. */
  pid: number;
  close(): Promise<void>;
}

/** Environment variable carrying the options to the child (keeps the token out of `ps` output). */
export const sandboxOptionsEnv = 'COMMERCE_COLLECTIONS_SANDBOX_OPTIONS';

/** dist/cli.js of this package, found from this module's location (works from src/ in tests and from dist/). */
export function locateBuiltCli(): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 6; depth += 1) {
    const manifest = join(directory, 'package.json');
    if (existsSync(manifest)) {
      const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string };
      if (name === '@commerce-collections/contract') {
        const cli = join(directory, 'dist', 'cli.js');
        if (!existsSync(cli)) throw new Error(`${cli} does not exist: build the package first (pnpm build).`);
        return cli;
      }
    }
    directory = dirname(directory);
  }
  throw new Error('Cannot find the @commerce-collections/contract package root from this module.');
}

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    let errors = '';
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      // The CLI's `sandbox` command prints "<provider> sandbox listening on <url>" once it listens.
      const match = /listening on (http:\/\/\S+)/.exec(buffered);
      if (!match) return;
      child.stdout?.off('data', onData);
      resolve(match[1] as string);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      errors += chunk.toString('utf8');
    });
    child.once('exit', (code) =>
      reject(new Error(`Sandbox process exited with code ${code}: ${errors.trim()}`)),
    );
    child.once('error', reject);
  });
}

/**
 * Runs a sandbox in its own Node process (for benchmarks: the server does not share the client's event
 * loop or CPU time). Same `{ url, close }` as the in-process sandboxes. `faults` hooks are functions and
 * cannot cross the process boundary, so they are refused here.
 */
export async function startSandboxProcess<Api extends ApiName>(
  provider: Api,
  options?: NoInfer<Omit<SandboxOptionsByApi[Api], 'faults'>>,
): Promise<SandboxProcess> {
  assertApiName(provider, 'provider');
  options ??= {} as Omit<SandboxOptionsByApi[Api], 'faults'>;
  if ('faults' in options && (options as { faults?: unknown }).faults !== undefined) {
    throw new TypeError('Sandbox option `faults` is a function and cannot be passed to a child process.');
  }
  const child = spawn(process.execPath, [locateBuiltCli(), 'sandbox', provider, '--options-from-env'], {
    env: { ...process.env, [sandboxOptionsEnv]: JSON.stringify(options) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let url: string;
  try {
    url = await waitForUrl(child);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  child.stdout?.resume();
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  return {
    url,
    pid: child.pid ?? -1,
    close: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
