// Starts loopback servers in their own processes (performance-method.md: the server never shares the
// benchmark's event loop or CPU time with the client).
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = (file) => fileURLToPath(new URL(file, import.meta.url));

function startChild(script, args) {
  const child = fork(here(script), args, { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr.on('data', (chunk) => {
      err += chunk;
    });
    const onData = (chunk) => {
      out += chunk;
      const line = out.split('\n').find((candidate) => candidate.startsWith('{'));
      if (!line) return;
      child.stdout.off('data', onData);
      child.stdout.resume();
      const { url } = JSON.parse(line);
      resolve({
        url,
        pid: child.pid,
        close: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}: ${err.trim()}`)));
  });
}

/**
 * The benchmarks' own fixture server (src/fixture-server.mjs) in a child process.
 * @param {{ mode?: 'fixed' | 'paged', latencyMs?: number, total?: number, fixedLimit?: number }} options
 */
export function startFixtureServer(options = {}) {
  return startChild('../fixture-server.mjs', [JSON.stringify(options)]);
}

/**
 * A contract sandbox (stateful, validating, rate-limited) in a child process: `startSandboxProcess` from
 * @commerce-collections/contract, or, when that package's CLI is not built, the same sandbox started by our
 * own host script (src/sandbox-host.mjs) in a child process.
 * @param {'highlevel' | 'shoplazza'} provider
 * @param {Record<string, unknown>} options
 */
export async function startSandbox(provider, options) {
  const contract = await import('@commerce-collections/contract');
  if (typeof contract.startSandboxProcess === 'function') {
    try {
      const sandbox = await contract.startSandboxProcess(provider, options);
      return { ...sandbox, via: 'startSandboxProcess' };
    } catch (error) {
      if (!/build the package first|Cannot find/.test(String(error?.message))) throw error;
    }
  }
  const sandbox = await startChild('../sandbox-host.mjs', [provider, JSON.stringify(options)]);
  return { ...sandbox, via: 'bench sandbox-host (contract CLI not built)' };
}
