import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decide, diffSpecs } from '../../scripts/check-breaking-changes.mjs';
import { fixture, repoRoot } from './helpers';

// Each fixture changes one thing in fixtures/breaking/base.yaml; `redocly diff` (diff-recommended preset from
// specs/redocly-diff.yaml) must rate it as the versioning policy in specs/README.md says.
describe('redocly diff with specs/redocly-diff.yaml', () => {
  it.each([
    ['removed-property.yaml', 'property-removed'],
    ['narrowed-enum.yaml', 'enum-values-removed'],
    ['new-required-parameter.yaml', 'parameter-became-required'],
    ['retyped-property.yaml', 'schema-type-changed'],
    ['removed-response.yaml', 'response-removed'],
  ])('%s is breaking (%s)', (file, rule) => {
    const diff = diffSpecs(fixture('base.yaml'), fixture(file));
    expect(diff.breaking).toBe(true);
    expect(diff.bump).toBe('major');
    expect(diff.changes).toContainEqual(expect.objectContaining({ impact: 'major', rule }));
  });

  it.each(['added-optional-property.yaml', 'added-optional-parameter.yaml', 'added-response.yaml'])(
    '%s is additive (minor) and passes',
    (file) => {
      const diff = diffSpecs(fixture('base.yaml'), fixture(file));
      expect(diff).toMatchObject({ breaking: false, bump: 'minor', summary: { major: 0, minor: 1 } });
    },
  );

  it('a description change is a patch and passes', () => {
    const diff = diffSpecs(fixture('base.yaml'), fixture('docs-only.yaml'));
    expect(diff).toMatchObject({ breaking: false, bump: 'patch', summary: { major: 0, minor: 0, patch: 1 } });
  });

  it('a missing input is an error, not a silent pass (redocly itself exits 0 for it)', () => {
    expect(() => diffSpecs(fixture('base.yaml'), fixture('does-not-exist.yaml'))).toThrow(/no report/);
  });
});

describe('gate decision', () => {
  const broken = [{ api: 'highlevel', diff: { breaking: true } }];
  const changeset = (bump: string) => ({
    path: '.changeset/x.md',
    releases: new Map([['@commerce-collections/specs', bump]]),
  });
  it('fails a breaking change without a changeset, or with a minor one', () => {
    expect(decide(broken, []).ok).toBe(false);
    expect(decide(broken, [changeset('minor')]).ok).toBe(false);
  });
  it('passes a breaking change with a major specs changeset, and a non-breaking change without one', () => {
    expect(decide(broken, [changeset('major')]).ok).toBe(true);
    expect(decide([{ api: 'highlevel', diff: { breaking: false } }], []).ok).toBe(true);
  });
});

// End to end: the real script against a scratch repository whose spec breaks between two commits.
describe('scripts/check-breaking-changes.mjs in a scratch repository', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const run = (cwd: string, args: string[], env: Record<string, string> = {}) =>
    execFileSync('git', args, { cwd, env: { ...process.env, ...env }, stdio: 'pipe', encoding: 'utf8' });

  function scratch() {
    dir = mkdtempSync(join(tmpdir(), 'breaking-gate-'));
    run(dir, ['init', '-q', '-b', 'main']);
    run(dir, ['config', 'user.email', 'test@example.invalid']);
    run(dir, ['config', 'user.name', 'test']);
    mkdirSync(join(dir, 'specs', 'demo'), { recursive: true });
    copyFileSync(fixture('base.yaml'), join(dir, 'specs', 'demo', 'openapi.yaml'));
    run(dir, ['add', '.']);
    run(dir, ['commit', '-qm', 'base']);
    return run(dir, ['rev-parse', 'HEAD']).trim();
  }

  const gate = (base: string) =>
    spawnSync(
      process.execPath,
      [join(repoRoot, 'scripts', 'check-breaking-changes.mjs'), '--baseline=git', dir],
      {
        encoding: 'utf8',
        env: { ...process.env, CHANGESET_BASE: base },
      },
    );

  it('fails a removed property, then passes once a major specs changeset is added', () => {
    const base = scratch();
    copyFileSync(fixture('removed-property.yaml'), join(dir, 'specs', 'demo', 'openapi.yaml'));
    run(dir, ['commit', '-qam', 'break']);

    const failed = gate(base);
    expect(failed.status).toBe(1);
    expect(failed.stdout).toContain('property-removed');
    expect(failed.stderr).toContain('Breaking change in demo without a major changeset');

    mkdirSync(join(dir, '.changeset'));
    writeFileSync(
      join(dir, '.changeset', 'drop-slug.md'),
      "---\n'@commerce-collections/specs': major\n---\n\nDrop slug.\n",
    );
    run(dir, ['add', '.']);
    run(dir, ['commit', '-qm', 'changeset']);
    const passed = gate(base);
    expect(passed.stdout).toContain('covered by .changeset/drop-slug.md');
    expect(passed.status).toBe(0);
  });

  it('passes an additive change, and passes on main with nothing to compare', () => {
    const base = scratch();
    expect(gate(base).status).toBe(0);
    copyFileSync(fixture('added-optional-property.yaml'), join(dir, 'specs', 'demo', 'openapi.yaml'));
    run(dir, ['commit', '-qam', 'add image']);
    const result = gate(base);
    expect(result.stdout).toContain('demo: 0 major, 1 minor, 0 patch');
    expect(result.status).toBe(0);
  });
});
