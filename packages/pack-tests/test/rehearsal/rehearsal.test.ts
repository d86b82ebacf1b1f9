import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRehearsal } from '../../../../scripts/lib/rehearsal/rehearsal.mjs';
import { rehearseRelease } from '../../../../scripts/lib/rehearsal/rehearse.mjs';
import { publicPackages, repoRoot } from '../pack/workspace';
import { isRunning, npmConfiguration } from './cleanup';

// What rehearseRelease reports (scripts/lib/rehearsal/rehearse.mjs; plain JavaScript, so typed here).
type Plan = Record<string, { from: string; to: string }>;
interface ConsumerResult {
  esm: number;
  cjs: number;
  typescript: string[];
  clis?: { listed: number; mockStatus: number };
  generated?: string[];
}
interface Report {
  first: Plan;
  consumers: Record<'npm' | 'pnpm' | 'yarn', ConsumerResult>;
  upgrade: { plan: Plan; copies: Record<string, string[]> };
  refusals: { plan: Plan; cases: { code: string; status: number; output: string; published: string[] }[] };
}

// The whole rehearsal of this repository's HEAD, as `pnpm release:rehearse` runs it: a real Verdaccio on
// 127.0.0.1, `pnpm version-packages` and `pnpm release` in a throwaway clone, consumers installing by version
// range with npm, pnpm and yarn, a runtime patch upgraded with `npm update`, three broken releases refused.
// The steps check themselves (and throw a RehearsalError naming the step); these tests assert what they report
// and what is on the registry, then that nothing is left behind.
describe('release rehearsal against a loopback registry', () => {
  const configurationBefore = npmConfiguration();
  let rehearsal: Awaited<ReturnType<typeof openRehearsal>>;
  let report: Report;
  const lines: string[] = [];

  beforeAll(async () => {
    rehearsal = await openRehearsal(repoRoot, { log: (line: string) => lines.push(line) });
    report = (await rehearseRelease(rehearsal, (line: string) => lines.push(line))) as Report;
  });
  afterAll(() => rehearsal?.close());

  it('runs the registry on loopback only, with a user made for the rehearsal', () => {
    expect(rehearsal.registry.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(rehearsal.registry.token).toMatch(/\S{16,}/);
    expect(lines.join('\n')).not.toContain(rehearsal.registry.token);
  });

  it('publishes every public package with changesets, internal ranges rewritten from workspace:^', async () => {
    expect(Object.keys(report.first).sort()).toEqual(publicPackages.map(({ name }) => name).sort());
    for (const [name, { to }] of Object.entries(report.first))
      expect(await rehearsal.registryVersions(name), name).toContain(to);
    const sdk = await (await fetch(new URL('@commerce-collections%2fsdk', rehearsal.registry.url))).json();
    const runtimeVersion = report.first['@commerce-collections/runtime']!.to;
    expect(sdk.versions[report.first['@commerce-collections/sdk']!.to].dependencies).toMatchObject({
      '@commerce-collections/runtime': `^${runtimeVersion}`,
    });
  });

  it('npm, pnpm and yarn consumers run ESM, CJS and TypeScript (node16, bundler) against the sandboxes', () => {
    for (const manager of ['npm', 'pnpm', 'yarn'] as const) {
      const result = report.consumers[manager];
      expect(result.esm, manager).toBe(23 + 17);
      expect(result.cjs, manager).toBe(23 + 17);
      expect(result.typescript, manager).toEqual(['ts-node16', 'ts-bundler']);
    }
  });

  it('both CLIs run through npx, and openapi-typescript generates from the installed specs', () => {
    expect(report.consumers.npm.clis).toEqual({ listed: 7, mockStatus: 200 });
    expect(report.consumers.npm.generated).toEqual(['highlevel', 'shoplazza']);
  });

  it('a runtime patch moves only the runtime (its dependents ranges accept it); npm update takes it, one copy each', () => {
    const { plan, copies } = report.upgrade;
    const runtime = report.first['@commerce-collections/runtime']!.to;
    const patched = runtime.replace(/\d+$/, (patch: string) => String(Number(patch) + 1));
    // updateInternalDependencies: patch with `workspace:^` ranges: the published `^0.1.0` of highlevel, shoplazza
    // and sdk accepts the patch, so changesets leaves them (and cli) alone; the rehearsal step checks the rule.
    expect(plan).toEqual({ '@commerce-collections/runtime': { from: runtime, to: patched } });
    expect(copies['@commerce-collections/runtime']).toEqual([patched]);
    for (const { name } of publicPackages) expect(copies[name], name).toHaveLength(1);
  });

  it('refuses a missing build, a `files` that leaves out an export, and a taken version, publishing nothing', () => {
    const byCode = Object.fromEntries(report.refusals.cases.map((entry) => [entry.code, entry]));
    expect(byCode.ERR_RELEASE_BUILD_MISSING).toMatchObject({ status: 3, published: [] });
    expect(byCode.ERR_RELEASE_BUILD_MISSING!.output).toMatch(
      /@commerce-collections\/sdk: exports.*dist\/index\.js does not exist/,
    );
    expect(byCode.ERR_RELEASE_FILES_OMIT).toMatchObject({ status: 4, published: [] });
    expect(byCode.ERR_RELEASE_FILES_OMIT!.output).toMatch(
      /→ dist\/index\.d\.ts exists but is not in the tarball/,
    );
    const taken = report.refusals.plan['@commerce-collections/sdk']!.to;
    expect(byCode.ERR_RELEASE_VERSION_EXISTS).toMatchObject({
      status: 5,
      published: [`@commerce-collections/sdk@${taken}`],
    });
    expect(byCode.ERR_RELEASE_VERSION_EXISTS!.output).toContain(
      `@commerce-collections/sdk@${taken} is already on the registry`,
    );
    for (const { output } of report.refusals.cases)
      expect(output).not.toContain('Publishing "@commerce-collections');
  });

  it('leaves nothing behind: no registry process, no temporary folder, the npm configuration as it was', async () => {
    const pid = rehearsal.registry.pid as number;
    expect(isRunning(pid)).toBe(true);
    await rehearsal.close();
    expect(isRunning(pid)).toBe(false);
    expect(existsSync(rehearsal.scratch)).toBe(false);
    expect(npmConfiguration()).toEqual(configurationBefore);
  });
});
