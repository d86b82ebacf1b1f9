// The release gate, rehearsed: three broken releases of a planned sdk patch (and the cli patch it brings), each
// refused by `scripts/verify-release.mjs` with its own code and exit status before `changeset publish` sends
// anything, and the registry checked to hold none of the planned versions afterwards.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROBLEMS } from '../verify-release.mjs';
import { run } from './workspace-copy.mjs';

const SDK = '@commerce-collections/sdk';

/** Planned versions on the registry now (what must stay empty after a refusal). */
async function publishedOf(rehearsal, plan) {
  const found = [];
  for (const [name, { to }] of Object.entries(plan))
    if ((await rehearsal.registryVersions(name)).includes(to)) found.push(`${name}@${to}`);
  return found;
}

/** Breaks the copy with `apply`, runs the publish step without the build, undoes the break. */
async function refused(rehearsal, plan, code, apply) {
  const undo = apply();
  let result;
  try {
    result = rehearsal.release({ build: false });
  } finally {
    undo();
  }
  const published = await publishedOf(rehearsal, plan);
  return { code, status: result.status, output: result.output, published };
}

/** Publishes a stranger's `name@version` (not ours, never tagged) straight to the rehearsal registry. */
function publishStranger(rehearsal, name, version) {
  const dir = join(rehearsal.scratch, 'stranger');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version, main: 'index.js' }));
  writeFileSync(join(dir, 'index.js'), 'module.exports = "not ours";\n');
  run(dir, 'npm', ['publish', '--loglevel=error'], rehearsal.env.publish);
}

export async function rehearseRefusals(rehearsal) {
  rehearsal.addChangeset('rehearsal-sdk-patch.md', { [SDK]: 'patch' }, 'Rehearsal: an sdk fix.');
  const plan = rehearsal.version();
  const sdkDir = join(rehearsal.repo, rehearsal.dirOf(SDK));
  const manifestPath = join(sdkDir, 'package.json');
  const cases = [];

  cases.push(
    await refused(rehearsal, plan, 'ERR_RELEASE_BUILD_MISSING', () => {
      renameSync(join(sdkDir, 'dist'), join(sdkDir, 'dist-aside'));
      return () => renameSync(join(sdkDir, 'dist-aside'), join(sdkDir, 'dist'));
    }),
  );
  cases.push(
    await refused(rehearsal, plan, 'ERR_RELEASE_FILES_OMIT', () => {
      const original = readFileSync(manifestPath, 'utf8');
      // The JavaScript ships, the declarations its exports name (`types`) do not.
      writeFileSync(
        manifestPath,
        original.replace(
          '"files": [\n    "dist"\n  ]',
          '"files": [\n    "dist/*.js",\n    "dist/*.cjs"\n  ]',
        ),
      );
      if (readFileSync(manifestPath, 'utf8') === original)
        throw new Error('sdk package.json has no `"files": ["dist"]` to narrow');
      return () => writeFileSync(manifestPath, original);
    }),
  );
  const taken = plan[SDK].to;
  publishStranger(rehearsal, SDK, taken);
  cases.push(await refused(rehearsal, plan, 'ERR_RELEASE_VERSION_EXISTS', () => () => {}));

  for (const { code, status, output, published } of cases) {
    const expectedPublished = code === 'ERR_RELEASE_VERSION_EXISTS' ? [`${SDK}@${taken}`] : [];
    if (
      status !== PROBLEMS[code].exitCode ||
      !output.includes(code) ||
      !output.includes('nothing was published')
    )
      throw new Error(
        `a release with ${code} exited ${status}, expected ${PROBLEMS[code].exitCode}:\n${output.slice(-3000)}`,
      );
    if (JSON.stringify(published) !== JSON.stringify(expectedPublished))
      throw new Error(
        `after the refused release (${code}) the registry holds ${published.join(', ') || 'none'} of it`,
      );
  }
  return { plan, cases };
}
