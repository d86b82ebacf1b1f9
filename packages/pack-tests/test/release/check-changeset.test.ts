import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createScratchRepo, manifest, repoRoot } from './scratch-repo';

const script = join(repoRoot, 'scripts', 'check-changeset.mjs');

describe('scripts/check-changeset.mjs', () => {
  let dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    dirs = [];
  });

  function repo() {
    const scratch = createScratchRepo({
      'packages/public/package.json': manifest({ name: '@demo/public', version: '1.0.0', dependencies: {} }),
      'packages/public/src/index.ts': 'export const one = 1;\n',
      'packages/public/test/index.test.ts': '// tests\n',
      'packages/internal/package.json': manifest({ name: '@demo/internal', version: '1.0.0', private: true }),
      'packages/internal/src/index.ts': 'export const two = 2;\n',
      'specs/package.json': manifest({ name: '@demo/specs', version: '1.0.0' }),
      'specs/demo/openapi.yaml': 'openapi: 3.1.0\n',
      'specs/test/spec.test.ts': '// tests\n',
      '.changeset/config.json': '{}\n',
    });
    dirs.push(scratch.dir);
    const base = scratch.commit('base');
    const check = (env: Record<string, string> = {}, cwd = scratch.dir) =>
      spawnSync(process.execPath, [script, cwd], { encoding: 'utf8', env: { ...scratch.env, ...env } });
    return { ...scratch, base, check };
  }

  it('passes on main with nothing to compare (no CHANGESET_BASE, no origin/main)', () => {
    const { check } = repo();
    const result = check();
    expect(result.stdout).toContain('HEAD (no CHANGESET_BASE and no origin/main)');
    expect(result.stdout).toContain('No published package changed');
    expect(result.status).toBe(0);
  });

  it('fails for a src change without a changeset, and passes once one names the package', () => {
    const { write, commit, base, check } = repo();
    write('packages/public/src/index.ts', 'export const one = 11;\n');
    commit('change');
    const failed = check({ CHANGESET_BASE: base });
    expect(failed.stderr).toContain('Missing a changeset for: @demo/public');
    expect(failed.status).toBe(1);

    write('.changeset/other.md', "---\n'@demo/specs': patch\n---\n\nNot this package.\n");
    commit('unrelated changeset');
    expect(check({ CHANGESET_BASE: base }).status).toBe(1);

    write('.changeset/brave-fox.md', '---\n"@demo/public": minor\n---\n\nBigger one.\n');
    commit('changeset');
    const passed = check({ CHANGESET_BASE: base });
    expect(passed.stdout).toContain('Every changed published package has a changeset');
    expect(passed.status).toBe(0);
  });

  it('counts uncommitted changes too, so it can be run before committing', () => {
    const { write, base, check } = repo();
    write('packages/public/src/new-file.ts', 'export {};\n');
    expect(check({ CHANGESET_BASE: base }).status).toBe(1);
    write('.changeset/brave-fox.md', "---\n'@demo/public': patch\n---\n\nNew file.\n");
    expect(check({ CHANGESET_BASE: base }).status).toBe(0);
  });

  it('needs a changeset for spec sources and published package.json fields, not for tests or the version', () => {
    const { write, commit, base, check } = repo();
    write('packages/public/test/index.test.ts', '// more tests\n');
    write('specs/test/spec.test.ts', '// more tests\n');
    write('packages/internal/src/index.ts', 'export const two = 22;\n');
    write(
      'packages/public/package.json',
      manifest({ name: '@demo/public', version: '1.0.1', dependencies: {} }),
    );
    commit('no release needed');
    expect(check({ CHANGESET_BASE: base }).status).toBe(0);

    write('specs/demo/openapi.yaml', 'openapi: 3.1.0\ninfo: {}\n');
    write(
      'packages/public/package.json',
      manifest({ name: '@demo/public', version: '1.0.1', dependencies: { leftpad: '1.0.0' } }),
    );
    commit('release needed');
    const failed = check({ CHANGESET_BASE: base });
    expect(failed.stdout).toContain('packages/public/package.json (dependencies)');
    expect(failed.stderr).toContain('Missing a changeset for: @demo/public, @demo/specs');
    expect(failed.status).toBe(1);
  });

  it('accepts an empty changeset (`changeset --empty`) as an explicit "no release"', () => {
    const { write, commit, base, check } = repo();
    write('packages/public/src/index.ts', '// comment only\nexport const one = 1;\n');
    write('.changeset/quiet-owl.md', '---\n---\n');
    commit('comment');
    expect(check({ CHANGESET_BASE: base }).status).toBe(0);
  });

  it('compares with the merge-base of origin/main in a clone, and passes on a fresh clone of main', () => {
    const upstream = repo();
    const clone = createScratchRepo({});
    dirs.push(clone.dir);
    rmSync(clone.dir, { recursive: true, force: true });
    upstream.git('clone', '-q', upstream.dir, clone.dir);
    clone.git('config', 'user.email', 'test@example.invalid');
    clone.git('config', 'user.name', 'test');

    const fresh = upstream.check({}, clone.dir);
    expect(fresh.stdout).toContain('merge-base of HEAD and origin/main');
    expect(fresh.status).toBe(0);

    clone.git('checkout', '-qb', 'feature');
    clone.write('packages/public/src/index.ts', 'export const one = 111;\n');
    clone.commit('feature work');
    expect(upstream.check({}, clone.dir).status).toBe(1);
  });

  it('refuses a CHANGESET_BASE that is not a commit (a shallow CI checkout) instead of passing', () => {
    const { check } = repo();
    const result = check({ CHANGESET_BASE: '0123456789abcdef0123456789abcdef01234567' });
    expect(result.stderr).toContain('is not a commit here');
    expect(result.status).not.toBe(0);
  });
});
