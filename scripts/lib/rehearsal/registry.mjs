// A throwaway npm registry for the release rehearsal: Verdaccio (pinned in the pnpm catalog, installed as a
// devDependency of packages/pack-tests) in its own process on 127.0.0.1, no uplink (it serves only what is
// published to it), storage, config and password file in a folder the caller owns, and a user created at run
// time whose token only ever lands in a temporary npm userconfig.
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** Our scope is stored here only; everything else is refused, so a consumer gets third-party packages elsewhere. */
const config = (dir) => `storage: ${JSON.stringify(join(dir, 'storage'))}
auth:
  htpasswd:
    file: ${JSON.stringify(join(dir, 'htpasswd'))}
    max_users: 10
uplinks: {}
packages:
  '@commerce-collections/*':
    access: $all
    publish: $authenticated
    unpublish: $authenticated
  '**':
    access: $all
    publish: $authenticated
log: { type: stdout, format: pretty, level: warn }
`;

/** Verdaccio from this checkout (not from the repository being rehearsed, which may be any clone). */
function verdaccioMain() {
  const require = createRequire(
    join(import.meta.dirname, '..', '..', '..', 'packages', 'pack-tests', 'package.json'),
  );
  try {
    return require.resolve('verdaccio');
  } catch {
    throw new Error(
      'Verdaccio is not installed: run `pnpm install` (it is a devDependency of packages/pack-tests)',
    );
  }
}

/** Waits for the child's URL, or fails with what it printed. */
function waitForUrl(child, output) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error('Verdaccio did not start within 60 s')), 60_000);
    const fail = (error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${error.message}\n${output.join('')}`.trim()));
    };
    child.once('message', ({ url }) => {
      clearTimeout(timer);
      resolve(url);
    });
    child.once('exit', (code, signal) =>
      fail(new Error(`Verdaccio exited (${signal ?? code}) before listening`)),
    );
  });
}

/**
 * Starts the registry in `dir` (created) and signs up a throwaway user.
 * Returns { url, host, token, pid, stop() }; stop() kills the process and resolves once it has exited.
 */
export async function startRegistry(dir) {
  mkdirSync(dir, { recursive: true });
  const configPath = join(dir, 'config.yaml');
  writeFileSync(configPath, config(dir));
  const child = fork(join(import.meta.dirname, 'registry-server.cjs'), [verdaccioMain(), configPath], {
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const output = [];
  child.stdout.on('data', (chunk) => output.push(String(chunk)));
  child.stderr.on('data', (chunk) => output.push(String(chunk)));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  try {
    const url = await waitForUrl(child, output);
    const token = await signUp(url);
    return { url, host: new URL(url).host, token, pid: child.pid, stop, output };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Creates a user with a random name and password (CouchDB-style, as `npm adduser` does) and returns its token. */
async function signUp(url) {
  const name = `rehearsal-${randomBytes(4).toString('hex')}`;
  const password = randomBytes(18).toString('base64url');
  const response = await fetch(new URL(`-/user/org.couchdb.user:${name}`, url), {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password }),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok || typeof body.token !== 'string')
    throw new Error(`Verdaccio refused to create the rehearsal user (HTTP ${response.status})`);
  return body.token;
}
