// The throwaway copy a rehearsal releases from: a `git clone` of HEAD (not a worktree: `changeset publish`
// creates git tags, and a worktree would create them in the user's repository), plus the checkout's pending
// `.changeset/*.md`, installed offline from the lockfile. Every command runs with the rehearsal's npm
// environment, so nothing reads or writes the user's npm configuration.
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { git, publishedPackages } from '../release.mjs';

export function cloneWorkspace(root, dest, env) {
  git(root, ['clone', '--quiet', root, dest]);
  // `changeset publish` tags each release with an annotated tag, which needs an identity: a fresh machine (empty
  // HOME) has no global one, and without the tags the upgrade's verification sees every earlier version as
  // published by someone else. The clone gets its own, local to it.
  git(dest, ['config', 'user.name', 'Release rehearsal']);
  git(dest, ['config', 'user.email', 'release-rehearsal@localhost']);
  const changesets = readdirSync(join(root, '.changeset')).filter(
    (file) => file.endsWith('.md') && file.toLowerCase() !== 'readme.md',
  );
  for (const file of changesets) cpSync(join(root, '.changeset', file), join(dest, '.changeset', file));
  run(
    dest,
    'pnpm',
    ['install', '--offline', '--frozen-lockfile', '--ignore-scripts', '--reporter=silent'],
    env,
  );
  withoutProvenance(dest);
}

/**
 * Provenance needs an OIDC identity (GitHub Actions' `id-token: write`) that a local rehearsal has not, and npm
 * lets `publishConfig.provenance` win over `NPM_CONFIG_PROVENANCE=false` and userconfig alike
 * ("Automatic provenance generation not supported for provider: null"). So the throwaway copy, and only it,
 * drops that one field; the real workflow publishes with provenance.
 */
function withoutProvenance(dir) {
  for (const { dir: pkg } of publishedPackages(dir)) {
    const path = join(dir, pkg, 'package.json');
    const manifest = JSON.parse(readFileSync(path, 'utf8'));
    if (manifest.publishConfig?.provenance === undefined) continue;
    delete manifest.publishConfig.provenance;
    writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
  }
}

/** Runs a command, throwing with its output when it fails. */
export function run(cwd, command, args, env, options = {}) {
  try {
    return execFileSync(command, args, {
      cwd,
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
      ...options,
    });
  } catch (error) {
    throw new Error(
      `\`${command} ${args.join(' ')}\` failed in ${cwd} (exit ${error.status ?? error.signal}):\n${error.stdout ?? ''}${error.stderr ?? ''}`.trim(),
    );
  }
}

/** `run` without blocking the event loop: for commands that talk to servers running in this process. */
export function runAsync(cwd, command, args, env) {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        reject(
          new Error(
            `\`${command} ${args.join(' ')}\` failed in ${cwd} (exit ${error.code ?? error.signal}):\n${stdout}${stderr}`.trim(),
          ),
        );
      },
    );
  });
}

export const versionsOf = (dir) =>
  Object.fromEntries(
    publishedPackages(dir).map(({ name, dir: pkg }) => [
      name,
      JSON.parse(readFileSync(join(dir, pkg, 'package.json'), 'utf8')).version,
    ]),
  );

/**
 * `pnpm version-packages` (the workflow's `changeset version`). Returns { name: { from, to } } for the packages
 * whose version changed.
 */
export function versionPackages(dir, env) {
  const before = versionsOf(dir);
  run(dir, 'pnpm', ['run', '--silent', 'version-packages'], env);
  const after = versionsOf(dir);
  return Object.fromEntries(
    Object.keys(after)
      .filter((name) => after[name] !== before[name])
      .map((name) => [name, { from: before[name], to: after[name] }]),
  );
}

/**
 * The workflow's publish step, `pnpm release` (build, verify, `changeset publish`), or without the build
 * (`build: false`) to rehearse a release whose build went missing. Returns { status, output }; never throws.
 */
export function release(dir, env, { build = true } = {}) {
  const [command, args] = build
    ? ['pnpm', ['run', 'release']]
    : ['sh', ['-c', 'node scripts/verify-release.mjs && pnpm exec changeset publish']];
  const result = spawnSync(command, args, { cwd: dir, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

export function addChangeset(dir, file, releases, summary) {
  const lines = Object.entries(releases).map(([name, bump]) => `'${name}': ${bump}`);
  writeFileSync(join(dir, '.changeset', file), `---\n${lines.join('\n')}\n---\n\n${summary}\n`);
}
