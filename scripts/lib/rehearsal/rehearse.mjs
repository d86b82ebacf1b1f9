// The rehearsal's happy path, step by step: publish every public package with the workflow's commands, install
// them by version range with npm, pnpm and yarn and use them, then release a runtime patch and upgrade the npm
// consumer, and have three broken releases refused before they publish anything. Each step throws a
// RehearsalError naming the step and the fix; the caller closes the rehearsal.

import { join } from 'node:path';
import { git } from '../release.mjs';
import {
  createConsumer,
  generateFromSpecs,
  installedCopies,
  libraryPackages,
  npmConsumerPackages,
  rangeOf,
  runClis,
  runNodeProgram,
  startServers,
  typeCheck,
} from './consumers.mjs';
import { rehearseRefusals } from './refusals.mjs';
import { run } from './workspace-copy.mjs';

export class RehearsalError extends Error {
  constructor(step, message, fix) {
    super(`Release rehearsal failed at "${step}": ${message}\nFix: ${fix}`);
    this.name = 'RehearsalError';
    this.step = step;
  }
}

/** Runs one step; any failure becomes a RehearsalError naming the step and its fix. */
export async function step(name, fix, body) {
  try {
    return await body();
  } catch (error) {
    if (error instanceof RehearsalError) throw error;
    throw new RehearsalError(name, error instanceof Error ? error.message : String(error), fix);
  }
}

/** `changeset version` then `pnpm release`; checks the registry now holds exactly the planned versions. */
export async function versionAndPublish(rehearsal, log) {
  const plan = rehearsal.version();
  if (Object.keys(plan).length === 0)
    throw new Error('changeset version bumped nothing: no pending changeset');
  log(
    `changeset version: ${Object.entries(plan)
      .map(([name, { from, to }]) => `${name} ${from} -> ${to}`)
      .join(', ')}`,
  );
  const started = Date.now();
  const { status, output } = rehearsal.release();
  if (status !== 0) throw new Error(`\`pnpm release\` exited ${status}:\n${output.slice(-6000)}`);
  log(`pnpm release (build, verify, changeset publish) in ${Math.round((Date.now() - started) / 1000)} s`);
  for (const [name, { to }] of Object.entries(plan)) {
    const versions = await rehearsal.registryVersions(name);
    if (!versions.includes(to))
      throw new Error(`${name}@${to} is not on the registry after publishing (has ${versions})`);
    // The next release's verification tells our earlier releases from someone else's by these tags.
    if (git(rehearsal.repo, ['tag', '--list', `${name}@${to}`]).trim() === '')
      throw new Error(`changeset publish did not tag ${name}@${to} (a git identity missing?)`);
  }
  return plan;
}

/** Fresh npm, pnpm and yarn consumers; every use of the packages each of them supports. */
export async function runConsumers(rehearsal, log) {
  const versions = rehearsal.versions();
  const { scratch, registry, upstream, env } = rehearsal;
  const consumer = (manager, packages) =>
    createConsumer({
      dir: join(scratch, `consumer-${manager}`),
      manager,
      packages,
      registry,
      upstream,
      env: env.consumer,
    });
  const npmDir = consumer('npm', npmConsumerPackages(versions));
  log(
    `npm consumer installed ${Object.keys(versions).length} packages by range (${Object.entries(versions)
      .map(([name, version]) => `${name}@${rangeOf(version)}`)
      .join(', ')})`,
  );
  const servers = await startServers(npmDir);
  const results = { npm: {}, pnpm: {}, yarn: {} };
  try {
    for (const manager of ['npm', 'pnpm', 'yarn']) {
      const dir = manager === 'npm' ? npmDir : consumer(manager, libraryPackages(versions));
      results[manager].esm = await runNodeProgram(dir, 'esm', servers.context, env.consumer);
      results[manager].cjs = await runNodeProgram(dir, 'cjs', servers.context, env.consumer);
      results[manager].typescript = typeCheck(dir, env.consumer);
      log(
        `${manager} consumer: ESM and CJS listed ${results[manager].esm} collections; TypeScript ${results[manager].typescript.join(', ')} type-check`,
      );
    }
    results.npm.clis = await runClis(npmDir, env.consumer);
    results.npm.generated = generateFromSpecs(npmDir, env.consumer);
    log(
      `npx CLIs ran (list printed ${results.npm.clis.listed}, contract mock answered ${results.npm.clis.mockStatus}); openapi-typescript generated ${results.npm.generated.join(', ')}`,
    );
  } finally {
    await servers.close();
  }
  return { npmDir, results, servers };
}

/** Whether a caret range as pnpm publishes `workspace:^` (`^x.y.z`) accepts `version`. */
function caretAccepts(range, version) {
  const match = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(range);
  if (!match) throw new Error(`not a ^x.y.z range: ${range}`);
  const [major, minor, patch] = match.slice(1).map(Number);
  const [m, n, p] = version.split('.').map(Number);
  if (major > 0) return m === major && (n > minor || (n === minor && p >= patch));
  if (minor > 0) return m === 0 && n === minor && p >= patch;
  return m === 0 && n === 0 && p === patch;
}

/**
 * What `changeset version` must bump for `changes` ({ name: new version }) under our config: a dependent whose
 * published range no longer accepts a new version gets a patch (and so on, transitively); a dependent whose
 * range still accepts it keeps its version (`workspace:^` has no literal range to update).
 */
async function expectedBumps(rehearsal, before, changes) {
  const published = Object.fromEntries(
    await Promise.all(
      rehearsal.packages.map(async (name) => {
        const packument = await rehearsal.packument(name);
        return [name, packument.versions[before[name]].dependencies ?? {}];
      }),
    ),
  );
  const next = { ...changes };
  let grew = true;
  while (grew) {
    grew = false;
    for (const [name, dependencies] of Object.entries(published)) {
      if (next[name]) continue;
      const left = Object.entries(dependencies).some(
        ([dep, range]) => next[dep] && !caretAccepts(range, next[dep]),
      );
      if (!left) continue;
      const [major, minor, patch] = before[name].split('.').map(Number);
      next[name] = `${major}.${minor}.${patch + 1}`;
      grew = true;
    }
  }
  return next;
}

/**
 * A runtime patch: a new changeset, `changeset version` (checked against the changesets config), `pnpm release`;
 * then `npm update` in the npm consumer and `npm ls`. Returns the plan, the versions the consumer has, and its copies of each package.
 */
export async function upgrade(rehearsal, npmDir, log) {
  const runtime = '@commerce-collections/runtime';
  const before = rehearsal.versions();
  rehearsal.addChangeset('rehearsal-runtime-patch.md', { [runtime]: 'patch' }, 'Rehearsal: a runtime fix.');
  const plan = await versionAndPublish(rehearsal, log);
  const [major, minor, patch] = before[runtime].split('.').map(Number);
  const expected = await expectedBumps(rehearsal, before, { [runtime]: `${major}.${minor}.${patch + 1}` });
  const actual = Object.fromEntries(Object.entries(plan).map(([name, { to }]) => [name, to]));
  if (
    JSON.stringify(actual, Object.keys(actual).sort()) !==
    JSON.stringify(expected, Object.keys(expected).sort())
  )
    throw new Error(
      `changeset version made ${JSON.stringify(actual)}; updateInternalDependencies: patch and the published ranges mean ${JSON.stringify(expected)}`,
    );
  const bumped = Object.keys(plan).sort();
  run(npmDir, 'npm', ['update', '--loglevel=error'], rehearsal.env.consumer);
  const copies = installedCopies(npmDir, rehearsal.env.consumer);
  const after = rehearsal.versions();
  for (const name of rehearsal.packages) {
    const want = plan[name]?.to ?? before[name];
    if (JSON.stringify(copies[name]) !== JSON.stringify([want]))
      throw new Error(
        `after npm update the consumer has ${name} ${JSON.stringify(copies[name])}, expected one copy at ${want}`,
      );
  }
  log(
    `upgrade: ${bumped.map((name) => `${name} ${plan[name].from} -> ${plan[name].to}`).join(', ')}; npm update took them, npm ls shows one copy of each`,
  );
  return { plan, copies, versions: after };
}

/**
 * The whole happy path on an open rehearsal.
 * @param {Awaited<ReturnType<typeof import('./rehearsal.mjs').openRehearsal>>} rehearsal
 * @param {(line: string) => void} [log]
 */
export async function rehearseRelease(rehearsal, log = () => {}) {
  const first = await step(
    'publish',
    'read the `pnpm release` output above; `pnpm release:dry` shows the plan',
    () => versionAndPublish(rehearsal, log),
  );
  const consumers = await step(
    'consumers',
    'the packages install but a consumer fails: run `pnpm test:pack` for the same checks on tarballs',
    () => runConsumers(rehearsal, log),
  );
  const upgraded = await step(
    'upgrade',
    'check .changeset/config.json (updateInternalDependencies) and the internal `workspace:^` ranges',
    () => upgrade(rehearsal, consumers.npmDir, log),
  );
  const refusals = await step(
    'refusals',
    'a broken release was not refused before publishing: see scripts/lib/verify-release.mjs',
    () => rehearseRefusals(rehearsal),
  );
  log(
    `refused: ${refusals.cases.map(({ code, status }) => `${code} (exit ${status})`).join(', ')}; none of those versions reached the registry`,
  );
  return { first, consumers: consumers.results, upgrade: upgraded, refusals };
}
