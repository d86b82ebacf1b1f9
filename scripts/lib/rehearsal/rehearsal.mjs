// A release rehearsal: a loopback registry, a throwaway clone, and the release workflow's own commands pointed at
// that registry. `openRehearsal` sets it up; `close()` stops the registry and removes every temporary file, and
// runs even when a step failed (callers use try/finally).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publishedPackages } from '../release.mjs';
import { rehearsalEnv, upstreamRegistry } from './npm-env.mjs';
import { startRegistry } from './registry.mjs';
import { addChangeset, cloneWorkspace, release, versionPackages, versionsOf } from './workspace-copy.mjs';

/**
 * GET a package document. Retried once on a network error: the release commands run synchronously, and while
 * they block the event loop Verdaccio closes the idle keep-alive socket, which the next fetch may still pick
 * ("fetch failed", other side closed).
 */
async function packument(url, name, retried = false) {
  let response;
  try {
    response = await fetch(new URL(name.replace('/', '%2f'), url));
  } catch (error) {
    if (retried) throw error;
    return packument(url, name, true);
  }
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`registry answered ${response.status} for ${name}`);
  return response.json();
}

/**
 * @param {string} root the repository to rehearse (its HEAD and pending changesets)
 * @param {{ log?: (line: string) => void }} [options]
 */
export async function openRehearsal(root, { log = () => {} } = {}) {
  const upstream = upstreamRegistry();
  const scratch = mkdtempSync(join(tmpdir(), 'release-rehearsal-'));
  let registry;
  const close = async () => {
    await registry?.stop();
    rmSync(scratch, { recursive: true, force: true });
  };
  try {
    registry = await startRegistry(join(scratch, 'registry'));
    log(`registry ${registry.url} (pid ${registry.pid}), scratch ${scratch}`);
    const env = rehearsalEnv(scratch, registry, upstream);
    const repo = join(scratch, 'repo');
    // The clone installs offline from the user's pnpm store (as `pnpm release:dry` does); consumers get their own.
    const { npm_config_store_dir: _store, ...workspaceEnv } = env.publish;
    cloneWorkspace(root, repo, workspaceEnv);
    log(`cloned HEAD into ${repo} and installed it offline`);
    return {
      root,
      scratch,
      registry,
      upstream,
      env,
      repo,
      packages: publishedPackages(repo).map(({ name }) => name),
      dirOf: (name) => publishedPackages(repo).find((pkg) => pkg.name === name).dir,
      versions: () => versionsOf(repo),
      version: () => versionPackages(repo, workspaceEnv),
      release: (options) => release(repo, workspaceEnv, options),
      addChangeset: (file, releases, summary) => addChangeset(repo, file, releases, summary),
      manifest: (dir) => JSON.parse(readFileSync(join(repo, dir, 'package.json'), 'utf8')),
      /** The registry's document for `name` (undefined when it has none). */
      packument: (name) => packument(registry.url, name),
      /** Versions of `name` on the rehearsal registry ([] when it has none). */
      registryVersions: async (name) =>
        Object.keys((await packument(registry.url, name))?.versions ?? {}).sort(),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
