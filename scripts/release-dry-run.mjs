#!/usr/bin/env node
// `pnpm release:dry`: what a release would publish, without publishing and without changing this checkout.
//
// 1. A throwaway `git worktree` of HEAD, plus this checkout's pending `.changeset/*.md` (so changesets not yet
//    committed show up too), installed offline from the lockfile.
// 2. `changeset version` there: the new versions (internal dependents bumped as patches) and CHANGELOG entries.
// 3. The build outputs (`dist/`, ignored by git) copied from this checkout, then `pnpm pack` of every package
//    that gets a new version: the exact tarballs, with `workspace:^` already rewritten to the new versions.
// 4. The worktree is removed whatever happens. Build first (`pnpm build`): packing needs dist/.
//
// Usage: node scripts/release-dry-run.mjs [repository] (default: this repository).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { git, publishedPackages } from './lib/release.mjs';

const toolsRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

function isIgnored(root, path) {
  try {
    git(root, ['check-ignore', '--quiet', '--no-index', path]);
    return true;
  } catch {
    return false;
  }
}

/** The newest section of a CHANGELOG.md (the one `changeset version` just wrote). */
function newestEntry(path) {
  if (!existsSync(path)) return '';
  const text = readFileSync(path, 'utf8');
  const start = text.indexOf('\n## ');
  if (start === -1) return '';
  const next = text.indexOf('\n## ', start + 4);
  return text.slice(start + 1, next === -1 ? undefined : next).trim();
}

/** Runs the dry run for the repository at `root` and returns the plan; never publishes, never writes to `root`. */
export function releaseDryRun(root) {
  const packages = publishedPackages(root);
  const pending = readdirSync(join(root, '.changeset')).filter(
    (file) => file.endsWith('.md') && file !== 'README.md',
  );
  const scratch = mkdtempSync(join(tmpdir(), 'release-dry-run-'));
  const worktree = join(scratch, 'worktree');
  git(root, ['worktree', 'add', '--detach', '--quiet', worktree, 'HEAD']);
  try {
    // Pending changesets from the working tree (committed ones are already in the worktree).
    for (const file of pending) cpSync(join(root, '.changeset', file), join(worktree, '.changeset', file));
    // An offline install from the lockfile: `changeset version` loads its changelog generator from node_modules,
    // and `pnpm pack` resolves `workspace:^` and `catalog:` ranges through the installed links. Frozen, so pnpm
    // resolves nothing (offline resolution would need pnpm's metadata cache, empty on a fresh machine), and
    // from the store this checkout was installed from (pnpm picks a store per filesystem, and the worktree is
    // under the temp directory).
    const storeDir = execFileSync('pnpm', ['store', 'path'], { cwd: root, encoding: 'utf8' }).trim();
    execFileSync(
      'pnpm',
      [
        'install',
        '--offline',
        '--frozen-lockfile',
        '--ignore-scripts',
        '--reporter=silent',
        `--store-dir=${storeDir}`,
      ],
      { cwd: worktree, stdio: 'pipe' },
    );

    const before = new Map(
      packages.map(({ name, dir }) => [name, readJson(join(worktree, dir, 'package.json')).version]),
    );
    execFileSync(join(worktree, 'node_modules', '.bin', 'changeset'), ['version'], {
      cwd: worktree,
      stdio: 'pipe',
    });

    const tarballs = join(scratch, 'tarballs');
    mkdirSync(tarballs);
    const releases = [];
    for (const { name, dir } of packages) {
      const manifest = readJson(join(worktree, dir, 'package.json'));
      if (manifest.version === before.get(name)) continue;
      // Build outputs listed in `files` that git ignores (dist/) come from this checkout's last build; every
      // other file comes from HEAD, as in CI.
      const built = (manifest.files ?? []).filter((entry) => isIgnored(root, `${dir}/${entry}`));
      for (const entry of built) {
        const source = join(root, dir, entry);
        if (!existsSync(source))
          throw new Error(`${name}: ${dir}/${entry} missing; run \`pnpm build\` first`);
        cpSync(source, join(worktree, dir, entry), { recursive: true });
      }
      const packed = JSON.parse(
        execFileSync('pnpm', ['pack', '--json', '--pack-destination', tarballs], {
          cwd: join(worktree, dir),
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        }),
      );
      const tarball = join(tarballs, packed.filename.split('/').at(-1));
      const packedManifest = JSON.parse(
        execFileSync('tar', ['-xOzf', tarball, 'package/package.json'], { encoding: 'utf8' }),
      );
      releases.push({
        name,
        from: before.get(name),
        to: manifest.version,
        changelog: newestEntry(join(worktree, dir, 'CHANGELOG.md')),
        files: packed.files.map((file) => file.path).sort(),
        dependencies: packedManifest.dependencies ?? {},
      });
    }
    return { pending, releases };
  } finally {
    git(root, ['worktree', 'remove', '--force', worktree]);
    rmSync(scratch, { recursive: true, force: true });
  }
}

function main() {
  const root = resolve(process.argv[2] ?? toolsRoot);
  const { pending, releases } = releaseDryRun(root);
  console.log(`Release dry run (nothing is published; this checkout is not changed).`);
  console.log(`Pending changesets: ${pending.join(', ') || 'none'}`);
  if (releases.length === 0) {
    console.log('Nothing to release: no changeset bumps a package.');
    return;
  }
  for (const release of releases) {
    console.log(`\n${'='.repeat(80)}\n${release.name}: ${release.from} -> ${release.to}`);
    const deps = Object.entries(release.dependencies).map(([dep, range]) => `${dep}@${range}`);
    console.log(`dependencies: ${deps.join(', ') || 'none'}`);
    console.log(`\nCHANGELOG.md entry:\n${release.changelog.replace(/^/gm, '  ')}`);
    console.log(
      `\ntarball (${release.files.length} files):\n${release.files.map((file) => `  ${file}`).join('\n')}`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
