import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchLockfile } from './scratch-lockfile';
import { createScratchRepo, manifest, repoRoot } from './scratch-repo';

const script = join(repoRoot, 'scripts', 'release-dry-run.mjs');

// A scratch pnpm workspace with our changesets config: `a` gets a minor changeset (left uncommitted), `b`
// depends on `a` with `workspace:^` and must get a patch bump and a rewritten range; a private package is never
// released. The build outputs (dist/) are git-ignored, as ours are. Versions are 0.x like ours: `^0.1.0` does
// not accept 0.2.0, so the dependent must be republished. (For 1.x, a minor of `a` stays inside `b`'s
// published `^1.0.0` and changesets leaves `b` alone.)
describe('scripts/release-dry-run.mjs', () => {
  let scratch: ReturnType<typeof createScratchRepo>;
  let statusBefore = '';
  let result: ReturnType<typeof spawnSync>;

  beforeAll(() => {
    const changesetCli = JSON.parse(
      readFileSync(join(repoRoot, 'node_modules', '@changesets', 'cli', 'package.json'), 'utf8'),
    );
    scratch = createScratchRepo({
      'package.json': manifest({
        name: 'scratch',
        private: true,
        devDependencies: { '@changesets/cli': changesetCli.version },
      }),
      'pnpm-workspace.yaml': 'packages:\n  - packages/*\n',
      '.gitignore': 'node_modules/\ndist/\n',
      '.changeset/config.json': readFileSync(join(repoRoot, '.changeset', 'config.json'), 'utf8'),
      'packages/a/package.json': manifest({
        name: '@demo/a',
        version: '0.1.0',
        main: './dist/index.js',
        files: ['dist'],
      }),
      'packages/b/package.json': manifest({
        name: '@demo/b',
        version: '0.1.0',
        main: './dist/index.js',
        files: ['dist'],
        dependencies: { '@demo/a': 'workspace:^' },
      }),
      'packages/private/package.json': manifest({ name: '@demo/private', version: '0.1.0', private: true }),
      // A lockfile, as ours: the script installs offline from it, and so does this test.
      'pnpm-lock.yaml': scratchLockfile(
        repoRoot,
        ['@changesets/cli'],
        "  packages/a: {}\n\n  packages/b:\n    dependencies:\n      '@demo/a':\n        specifier: workspace:^\n        version: link:../a\n\n  packages/private: {}\n",
      ),
    });
    // Offline and frozen: the packages come from the pnpm store our own install filled; no metadata cache, no
    // registry (a fresh machine has no metadata cache: ERR_PNPM_NO_OFFLINE_META).
    execFileSync(
      'pnpm',
      ['install', '--offline', '--frozen-lockfile', '--ignore-scripts', '--reporter=silent'],
      {
        cwd: scratch.dir,
      },
    );
    scratch.commit('base');
    scratch.write('packages/a/dist/index.js', 'export const a = 1;\n');
    scratch.write('packages/b/dist/index.js', 'export const b = 2;\n');
    scratch.write('.changeset/brave-fox.md', "---\n'@demo/a': minor\n---\n\nAdd the a feature.\n");
    statusBefore = scratch.git('status', '--porcelain', '--ignored');
    result = spawnSync(process.execPath, [script, scratch.dir], { encoding: 'utf8', env: scratch.env });
  });
  afterAll(() => rmSync(scratch.dir, { recursive: true, force: true }));

  it('prints the versions: the changeset bump, and internal dependents as patches', () => {
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Pending changesets: brave-fox.md');
    expect(result.stdout).toContain('@demo/a: 0.1.0 -> 0.2.0');
    expect(result.stdout).toContain('@demo/b: 0.1.0 -> 0.1.1');
    expect(result.stdout).not.toContain('@demo/private');
  });

  it('prints the changelog entries and the tarball contents, with workspace ranges rewritten', () => {
    const sectionOf = (name: string) =>
      String(result.stdout)
        .split('='.repeat(80))
        .find((part) => part.includes(`${name}:`))!;
    const a = sectionOf('@demo/a');
    expect(a).toMatch(/## 0\.2\.0\s+### Minor Changes\s+- Add the a feature\./);
    expect(a).toMatch(/tarball \(2 files\):\n {2}dist\/index\.js\n {2}package\.json/);
    const b = sectionOf('@demo/b');
    expect(b).toContain('dependencies: @demo/a@^0.2.0');
    expect(b).toMatch(/### Patch Changes[\s\S]*@demo\/a@0\.2\.0/);
  });

  it('leaves the checkout exactly as it was: same git status, no worktree left registered', () => {
    expect(scratch.git('status', '--porcelain', '--ignored')).toBe(statusBefore);
    expect(scratch.git('worktree', 'list').split('\n')).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(scratch.dir, 'packages', 'a', 'package.json'), 'utf8')).version).toBe(
      '0.1.0',
    );
  });
});
