import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createScratchRepo, manifest, repoRoot } from '../release/scratch-repo';
import { isRunning, npmConfiguration } from './cleanup';

const script = join(repoRoot, 'scripts', 'release-rehearse.mjs');

describe('scripts/release-rehearse.mjs when a step fails', () => {
  let dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    dirs = [];
  });

  it('exits 1 naming the step and the fix, with the registry killed and its folder removed', () => {
    // A repository that cannot release (no changesets CLI installed): it fails after the registry started.
    const scratch = createScratchRepo({
      'package.json': manifest({ name: 'broken', private: true }),
      'packages/a/package.json': manifest({ name: '@demo/a', version: '0.1.0' }),
      '.changeset/config.json': '{}\n',
    });
    dirs.push(scratch.dir);
    scratch.commit('base');
    const before = npmConfiguration();
    const result = spawnSync(process.execPath, [script, scratch.dir], { encoding: 'utf8', env: scratch.env });

    expect(result.status).toBe(1);
    // (pnpm installs a workspace without dependencies fine; `changeset version` then fails: no changesets CLI.)
    expect(result.stderr).toContain('Release rehearsal failed at "publish"');
    expect(result.stderr).toContain('`pnpm run --silent version-packages` failed');
    expect(result.stderr).toMatch(/\nFix: .+/);
    const started = /registry (http:\/\/127\.0\.0\.1:\d+\/) \(pid (\d+)\), scratch (\S+)/.exec(result.stdout);
    expect(started, result.stdout).not.toBeNull();
    const [, , pid, folder] = started!;
    expect(isRunning(Number(pid))).toBe(false);
    expect(existsSync(folder!)).toBe(false);
    expect(result.stdout).toContain('registry stopped, temporary folder removed');
    expect(npmConfiguration()).toEqual(before);
  });
});
