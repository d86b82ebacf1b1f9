// Shared by the release scripts (check-changeset, check-breaking-changes, release-dry-run): which packages are
// published, which commit a change is compared with, and what the changesets in a range declare.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function git(cwd, args, options = {}) {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options });
}

function tryGit(cwd, args) {
  try {
    return git(cwd, args).trim();
  } catch {
    return undefined;
  }
}

/**
 * The commit a change is compared with.
 * 1. `CHANGESET_BASE` (CI sets it to the pull request's base SHA).
 * 2. The merge-base of HEAD and `origin/main`, when that ref exists.
 * 3. HEAD itself: nothing to compare, so the checks pass. A fresh clone of main in CI (where `origin/main` is
 *    HEAD or absent) lands here; the root commit would be wrong, since it would ask for changesets for the
 *    whole history.
 */
export function resolveBase(cwd, env = process.env) {
  if (env.CHANGESET_BASE) {
    const sha = tryGit(cwd, ['rev-parse', '--verify', `${env.CHANGESET_BASE}^{commit}`]);
    if (!sha) throw new Error(`CHANGESET_BASE=${env.CHANGESET_BASE} is not a commit here (fetch-depth: 0?)`);
    return { sha, reason: `CHANGESET_BASE=${env.CHANGESET_BASE}` };
  }
  const remote = tryGit(cwd, ['rev-parse', '--verify', '--quiet', 'refs/remotes/origin/main']);
  if (remote) {
    const sha = tryGit(cwd, ['merge-base', 'HEAD', remote]);
    if (sha) return { sha, reason: 'merge-base of HEAD and origin/main' };
  }
  return {
    sha: git(cwd, ['rev-parse', 'HEAD']).trim(),
    reason: 'HEAD (no CHANGESET_BASE and no origin/main)',
  };
}

/** Published workspace packages: every non-private `packages/*` plus `specs`. Returns [{ name, dir }]. */
export function publishedPackages(root) {
  const dirs = [
    ...readdirSync(join(root, 'packages'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `packages/${entry.name}`),
    'specs',
  ];
  return dirs
    .filter((dir) => existsSync(join(root, dir, 'package.json')))
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) }))
    .filter(({ manifest }) => !manifest.private)
    .map(({ dir, manifest }) => ({ name: manifest.name, dir }));
}

/**
 * Files changed between `base` and the working tree (committed, staged, unstaged and untracked), so the check
 * gives the same answer locally before committing as in CI. Returns [{ status, path }].
 */
export function changedFiles(cwd, base) {
  const files = git(cwd, ['diff', '--name-status', '--no-renames', base])
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [status, path] = line.split('\t');
      return { status: status[0], path };
    });
  const untracked = git(cwd, ['ls-files', '--others', '--exclude-standard'])
    .split('\n')
    .filter(Boolean)
    .map((path) => ({ status: 'A', path }));
  return [...files, ...untracked];
}

/** Parses a changeset's front matter: `{ releases: Map<name, bump>, summary }`. */
export function parseChangeset(text) {
  const match = /^---\r?\n([\s\S]*?)\r?\n?---\r?\n?([\s\S]*)$/.exec(text);
  if (!match) throw new Error('not a changeset: no front matter');
  const releases = new Map();
  for (const line of match[1].split(/\r?\n/)) {
    if (!line.trim()) continue;
    const entry = /^\s*["']?([^"'\s]+?)["']?\s*:\s*(major|minor|patch|none)\s*$/.exec(line);
    if (!entry) throw new Error(`bad changeset line: ${line}`);
    releases.set(entry[1], entry[2]);
  }
  return { releases, summary: match[2].trim() };
}

/** Changesets (`.changeset/*.md`, README excluded) added since `base`, parsed. */
export function addedChangesets(cwd, base) {
  return changedFiles(cwd, base)
    .filter(({ status, path }) => status === 'A' && /^\.changeset\/[^/]+\.md$/.test(path))
    .filter(({ path }) => path.toLowerCase() !== '.changeset/readme.md')
    .map(({ path }) => ({ path, ...parseChangeset(readFileSync(join(cwd, path), 'utf8')) }));
}
