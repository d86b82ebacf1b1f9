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
      /** Versions of `name` on the rehearsal registry ([] when it has none). */
      registryVersions: async (name) => {
        const response = await fetch(new URL(name.replace('/', '%2f'), registry.url));
        if (response.status === 404) return [];
        if (!response.ok) throw new Error(`registry answered ${response.status} for ${name}`);
        return Object.keys((await response.json()).versions ?? {}).sort();
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
