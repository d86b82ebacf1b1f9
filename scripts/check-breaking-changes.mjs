#!/usr/bin/env node
// Breaking-change gate for the specs. Each specs/<api>/openapi.yaml is compared with its last released version
// by `redocly diff --fail-on major` with the `diff-recommended` preset (specs/redocly-diff.yaml). A breaking
// (major) change fails unless a changeset added in the same range bumps @commerce-collections/specs as major.
//
// Baseline ("last released version"):
// - the `source/` files of the newest @commerce-collections/specs on npm (`npm view ... version`), else
// - the spec at the git base of the change (scripts/lib/release.mjs resolveBase), because nothing is published
//   yet; a spec that does not exist at the baseline is new, hence additive.
// `--baseline=git` skips the npm lookup (offline runs, tests). A positional argument names another repository.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { addedChangesets, git, resolveBase } from './lib/release.mjs';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const specsName = '@commerce-collections/specs';
const redocly = join(repoRoot, 'specs', 'node_modules', '.bin', 'redocly');
const diffConfig = join(repoRoot, 'specs', 'redocly-diff.yaml');

/**
 * Runs `redocly diff` and returns its JSON report plus `breaking` (exit code under `--fail-on major`).
 * Redocly 2.77 prints a Node-20 deprecation banner on stderr on every run; we keep stderr only for failures.
 */
export function diffSpecs(oldPath, newPath) {
  const dir = mkdtempSync(join(tmpdir(), 'spec-diff-'));
  try {
    const report = join(dir, 'report.json');
    const args = ['diff', oldPath, newPath, '--config', diffConfig, '--fail-on', 'major', '--format', 'json'];
    const run = spawnSync(redocly, [...args, '--output', report], { encoding: 'utf8' });
    // Surprise: a missing or unparsable input prints "does not exist or is invalid" and still exits 0, so the
    // report file is the proof that the diff actually ran.
    if (!existsSync(report))
      throw new Error(`redocly diff produced no report:\n${run.stdout}\n${run.stderr}`);
    const json = JSON.parse(readFileSync(report, 'utf8'));
    const breaking = run.status !== 0;
    if (breaking !== json.summary.major > 0)
      throw new Error(`redocly diff exit ${run.status} disagrees with report`);
    const changes = json.changes.flatMap((change) =>
      change.verdicts.map((verdict) => ({
        impact: verdict.impact,
        rule: verdict.ruleId,
        message: verdict.message,
      })),
    );
    return { breaking, bump: json.bump, summary: json.summary, changes };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The gate's decision for one range: which APIs broke, and whether a major specs changeset covers them. */
export function decide(results, changesets) {
  const broken = results.filter((result) => result.diff?.breaking);
  const majorChangeset = changesets.find(({ releases }) => releases.get(specsName) === 'major');
  return { broken, majorChangeset, ok: broken.length === 0 || Boolean(majorChangeset) };
}

function apisIn(specsDir) {
  return readdirSync(specsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(specsDir, entry.name, 'openapi.yaml')))
    .map((entry) => entry.name);
}

/** Copies specs/<api>/** at `sha` into `dest/<api>`; false when the API did not exist there. */
function extractAtCommit(cwd, sha, api, dest) {
  const files = git(cwd, ['ls-tree', '-r', '--name-only', sha, '--', `specs/${api}/`])
    .split('\n')
    .filter(Boolean);
  if (!files.includes(`specs/${api}/openapi.yaml`)) return false;
  for (const file of files) {
    const target = join(dest, file.slice('specs/'.length));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, execFileSync('git', ['show', `${sha}:${file}`], { cwd }));
  }
  return true;
}

/** Newest published specs version, or undefined when none is published (or the registry cannot be reached). */
function publishedVersion() {
  const view = spawnSync('npm', ['view', specsName, 'version'], { encoding: 'utf8' });
  return view.status === 0 && view.stdout.trim() ? view.stdout.trim() : undefined;
}

/** Baseline directory holding <api>/openapi.yaml for every released API, and a description of where it came from. */
function baseline(cwd, mode, work, env) {
  const version = mode === 'git' ? undefined : publishedVersion();
  if (version) {
    execFileSync('npm', ['pack', `${specsName}@${version}`, '--pack-destination', work], { stdio: 'ignore' });
    const tarball = readdirSync(work).find((file) => file.endsWith('.tgz'));
    execFileSync('tar', ['-xzf', join(work, tarball), '-C', work]);
    return { dir: join(work, 'package'), from: `${specsName}@${version} on npm` };
  }
  const base = resolveBase(cwd, env);
  const dir = join(work, 'base');
  for (const api of apisIn(join(cwd, 'specs'))) extractAtCommit(cwd, base.sha, api, dir);
  return { dir, from: `git ${base.sha.slice(0, 12)} (${base.reason}; no ${specsName} published yet)`, base };
}

export function checkBreakingChanges(cwd, { mode = 'auto', env = process.env } = {}) {
  const work = mkdtempSync(join(tmpdir(), 'spec-baseline-'));
  try {
    const { dir, from } = baseline(cwd, mode, work, env);
    const results = apisIn(join(cwd, 'specs')).map((api) => {
      const old = join(dir, api, 'openapi.yaml');
      if (!existsSync(old)) return { api, note: 'new API (not in the baseline): additive' };
      return { api, diff: diffSpecs(old, join(cwd, 'specs', api, 'openapi.yaml')) };
    });
    const changesets = addedChangesets(cwd, resolveBase(cwd, env).sha);
    return { from, results, ...decide(results, changesets) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function main() {
  const args = process.argv.slice(2);
  const mode = args.includes('--baseline=git') ? 'git' : 'auto';
  // Optional positional: the repository to check (tests point it at a scratch repository).
  const cwd = resolve(args.find((arg) => !arg.startsWith('--')) ?? repoRoot);
  const { from, results, broken, majorChangeset, ok } = checkBreakingChanges(cwd, { mode });
  console.log(`Baseline: ${from}`);
  for (const { api, diff, note } of results) {
    if (note) {
      console.log(`${api}: ${note}`);
      continue;
    }
    const { major, minor, patch } = diff.summary;
    console.log(`${api}: ${major} major, ${minor} minor, ${patch} patch`);
    for (const change of diff.changes)
      console.log(`  ${change.impact.padEnd(5)} ${change.rule}: ${change.message}`);
  }
  if (broken.length === 0) return console.log('No breaking spec change.');
  if (ok) return console.log(`Breaking change covered by ${majorChangeset.path} (${specsName}: major).`);
  console.error(`\nBreaking change in ${broken.map(({ api }) => api).join(', ')} without a major changeset.`);
  console.error(
    `Fix: undo the breaking change, or add a changeset with "${specsName}": major (pnpm changeset)`,
  );
  console.error('and say in it what consumers must change.');
  process.exit(1);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
