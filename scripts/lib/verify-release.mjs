// The pre-publish check shared by `pnpm release` (the release workflow) and the rehearsal: before
// `changeset publish` sends anything, every package it would publish must be built, must ship every file its
// manifest names, and must not take a version the registry already has. Every problem of every package is
// collected first, so one run names them all and nothing is published half-way.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { git, publishedPackages } from './release.mjs';

/** Problem kinds, each with its own exit code and the fix to print. */
export const PROBLEMS = {
  ERR_RELEASE_BUILD_MISSING: {
    exitCode: 3,
    fix: 'Build first: `pnpm build` (or `pnpm release`, which builds), then publish.',
  },
  ERR_RELEASE_FILES_OMIT: {
    exitCode: 4,
    fix: "Add the path to the package's `files` in package.json (check with `npm pack --dry-run`).",
  },
  ERR_RELEASE_VERSION_EXISTS: {
    exitCode: 5,
    fix:
      'Give the package a new version with a changeset (`pnpm changeset`, then `pnpm version-packages`). If an ' +
      'earlier run of this release published it, tag that commit instead: `git tag <name>@<version> && git push --tags`.',
  },
};

export class ReleaseVerificationError extends Error {
  /** @param {{ code: keyof typeof PROBLEMS, pkg: string, message: string }[]} problems */
  constructor(problems) {
    const codes = [...new Set(problems.map((problem) => problem.code))];
    super(
      [
        `Release verification failed: nothing was published (${problems.length} problem${problems.length === 1 ? '' : 's'}).`,
        ...problems.map((problem) => `  ${problem.code} ${problem.pkg}: ${problem.message}`),
        ...codes.map((code) => `Fix (${code}): ${PROBLEMS[code].fix}`),
      ].join('\n'),
    );
    this.name = 'ReleaseVerificationError';
    this.code = codes[0];
    this.problems = problems;
    this.exitCode = PROBLEMS[codes[0]].exitCode;
  }
}

/** Every relative path a manifest promises: `exports` targets (any condition), `main`, `module`, `types`, `bin`. */
export function manifestTargets(manifest) {
  const targets = [];
  const walk = (value, where) => {
    if (typeof value === 'string') targets.push({ where, path: value });
    else if (value && typeof value === 'object')
      for (const [key, inner] of Object.entries(value)) walk(inner, `${where}[${JSON.stringify(key)}]`);
  };
  walk(manifest.exports, 'exports');
  for (const field of ['main', 'module', 'types', 'typings']) walk(manifest[field], field);
  walk(typeof manifest.bin === 'string' ? { [manifest.name]: manifest.bin } : manifest.bin, 'bin');
  return targets
    .filter(({ path }) => !path.startsWith('node:'))
    .map(({ where, path }) => ({ where, path: posix.normalize(path) }));
}

/** A target is shipped when the tarball holds it; a `*` pattern when the tarball holds something it matches. */
function shipped(path, files) {
  if (!path.includes('*')) return files.has(path);
  const [prefix, suffix] = path.split('*');
  return [...files].some((file) => file.startsWith(prefix) && file.endsWith(suffix));
}

function onDisk(dir, path) {
  if (!path.includes('*')) return existsSync(join(dir, path));
  return existsSync(join(dir, path.slice(0, path.indexOf('*'))));
}

/** The files `npm pack` would put in the tarball (honours `files`, `.npmignore` and npm's always-included files). */
function packedFiles(dir) {
  const [report] = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts', '--loglevel=error'], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  return new Set(report.files.map((file) => file.path));
}

/** Whether `name@version` is on the registry npm is configured for (npm_config_registry, scoped registries). */
function onRegistry(name, version, env) {
  try {
    const out = execFileSync('npm', ['view', `${name}@${version}`, 'version', '--json', '--loglevel=error'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env,
    });
    return out.trim() !== '';
  } catch (error) {
    if (/E404|404 Not Found/.test(String(error.stderr))) return false;
    throw new Error(`npm view ${name}@${version} failed: ${String(error.stderr).trim()}`);
  }
}

function tagged(root, name, version) {
  try {
    git(root, ['rev-parse', '--verify', '--quiet', `refs/tags/${name}@${version}`]);
    return true;
  } catch {
    return false;
  }
}

/**
 * Checks the workspace at `root` against the registry. A package is released already when its version is on the
 * registry and tagged `<name>@<version>` (as `changeset publish` tags); on the registry without the tag, someone
 * else took the version. Returns { publish: [{ name, version }], released: [...] } or throws
 * ReleaseVerificationError.
 */
export function verifyRelease(root, env = process.env) {
  const problems = [];
  const publish = [];
  const released = [];
  for (const { name, dir } of publishedPackages(root)) {
    const pkgDir = join(root, dir);
    const manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
    const { version } = manifest;
    if (onRegistry(name, version, env)) {
      if (tagged(root, name, version)) released.push({ name, version });
      else
        problems.push({
          code: 'ERR_RELEASE_VERSION_EXISTS',
          pkg: name,
          message: `${name}@${version} is already on the registry, but no release of ours tagged it (${name}@${version})`,
        });
      continue;
    }
    publish.push({ name, version });
    const files = packedFiles(pkgDir);
    for (const { where, path } of manifestTargets(manifest)) {
      if (shipped(path, files)) continue;
      if (!onDisk(pkgDir, path))
        problems.push({
          code: 'ERR_RELEASE_BUILD_MISSING',
          pkg: name,
          message: `${where} → ${dir}/${path} does not exist`,
        });
      else
        problems.push({
          code: 'ERR_RELEASE_FILES_OMIT',
          pkg: name,
          message: `${where} → ${path} exists but is not in the tarball (package.json "files")`,
        });
    }
  }
  if (problems.length > 0) throw new ReleaseVerificationError(problems);
  return { publish, released };
}
