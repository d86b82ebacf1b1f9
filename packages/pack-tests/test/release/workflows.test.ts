import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './scratch-repo';

const workflowsDir = join(repoRoot, '.github', 'workflows');
const workflows = readdirSync(workflowsDir).filter((file) => file.endsWith('.yml'));
const read = (file: string) => readFileSync(join(workflowsDir, file), 'utf8');

describe('GitHub workflows', () => {
  it('exist: ci.yml and release.yml', () => {
    expect(workflows).toEqual(expect.arrayContaining(['ci.yml', 'release.yml']));
  });

  it.each(workflows)('%s pins every action by full commit SHA with a version comment', (file) => {
    const uses = [...read(file).matchAll(/^\s*(?:-\s+)?uses:\s*(.+)$/gm)].map((match) => match[1]!.trim());
    expect(uses.length).toBeGreaterThan(0);
    for (const use of uses) expect(use).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+)*$/);
  });

  it('CI runs .ci/run, and the release gates against the pull request base with full history', () => {
    const ci = read('ci.yml');
    expect(ci).toMatch(/run: \.ci\/run/);
    expect(ci).toContain('fetch-depth: 0');
    // A GitHub expression, not a template literal.
    expect(ci).toMatch(/CHANGESET_BASE: \$\{\{ github\.event\.pull_request\.base\.sha \}\}/);
    expect(ci).toContain('pnpm check:changeset');
    expect(ci).toContain('pnpm check:breaking');
  });

  it('release publishes through changesets/action with provenance (id-token: write)', () => {
    const release = read('release.yml');
    expect(release).toMatch(/uses: changesets\/action@/);
    expect(release).toContain('id-token: write');
    expect(release).toContain('NPM_CONFIG_PROVENANCE: true');
    expect(release).toContain('publish: pnpm release');
  });

  it('pnpm release (the workflow publish) verifies the release after building and before changeset publish', () => {
    const { scripts } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
    expect(scripts.release).toBe('turbo run build && node scripts/verify-release.mjs && changeset publish');
  });

  it('the root scripts the workflows call exist', () => {
    const { scripts } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
    for (const name of [
      'check:changeset',
      'check:breaking',
      'version-packages',
      'release',
      'release:dry',
      'release:rehearse',
    ]) {
      expect(scripts[name], name).toEqual(expect.any(String));
    }
  });
});
