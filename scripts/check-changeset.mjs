#!/usr/bin/env node
// Fails when a change touches what a published package ships without a changeset naming that package.
// "Touches" means: packages/<public>/src/**, the published-shape fields of packages/<public>/package.json
// (dependencies, exports, bin, ...), or specs/<api>/** (the hand-written spec sources).
// A changeset made with `pnpm changeset --empty` (no packages) is an explicit "no release needed" and passes.
// Base: see resolveBase() in scripts/lib/release.mjs (CHANGESET_BASE, else merge-base with origin/main, else HEAD).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { addedChangesets, changedFiles, git, publishedPackages, resolveBase } from './lib/release.mjs';

// Fields of package.json that change what consumers install or import. `version` is left out on purpose: the
// "Version Packages" commit changes it without a changeset.
const shapeFields = [
  'dependencies',
  'peerDependencies',
  'optionalDependencies',
  'peerDependenciesMeta',
  'exports',
  'main',
  'module',
  'types',
  'bin',
  'files',
  'engines',
  'type',
  'sideEffects',
];

function readJsonAt(cwd, base, path) {
  try {
    return JSON.parse(git(cwd, ['show', `${base}:${path}`]));
  } catch {
    return {};
  }
}

function shapeChanged(cwd, base, path) {
  const before = readJsonAt(cwd, base, path);
  const after = existsSync(join(cwd, path)) ? JSON.parse(readFileSync(join(cwd, path), 'utf8')) : {};
  return shapeFields.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}

/** Returns { base, touched: Map<name, string[]>, changesets, missing: string[] }. */
export function checkChangesets(cwd, env = process.env) {
  const base = resolveBase(cwd, env);
  const packages = publishedPackages(cwd);
  const touched = new Map();
  const touch = (name, why) => touched.set(name, [...(touched.get(name) ?? []), why]);
  for (const { path } of changedFiles(cwd, base.sha)) {
    for (const { name, dir } of packages) {
      if (dir === 'specs') {
        // specs/<api>/** only: specs/test, specs/fixtures, specs/scripts and docs are not the published contract.
        const api = /^specs\/([^/]+)\/.+/.exec(path)?.[1];
        if (api && existsSync(join(cwd, 'specs', api, 'openapi.yaml'))) touch(name, path);
        if (path === 'specs/package.json') {
          for (const field of shapeChanged(cwd, base.sha, path)) touch(name, `${path} (${field})`);
        }
      } else if (path.startsWith(`${dir}/src/`)) {
        touch(name, path);
      } else if (path === `${dir}/package.json`) {
        for (const field of shapeChanged(cwd, base.sha, path)) touch(name, `${path} (${field})`);
      }
    }
  }
  const changesets = addedChangesets(cwd, base.sha);
  const explicitNone = changesets.some(({ releases }) => releases.size === 0);
  const named = new Set(changesets.flatMap(({ releases }) => [...releases.keys()]));
  const missing = explicitNone ? [] : [...touched.keys()].filter((name) => !named.has(name));
  return { base, touched, changesets, missing };
}

function main() {
  const cwd = resolve(process.argv[2] ?? process.cwd());
  const { base, touched, changesets, missing } = checkChangesets(cwd);
  console.log(`Comparing with ${base.sha.slice(0, 12)} (${base.reason}).`);
  if (touched.size === 0) {
    console.log('No published package changed: no changeset needed.');
    return;
  }
  for (const [name, paths] of touched) console.log(`${name}: ${paths.length} change(s), e.g. ${paths[0]}`);
  console.log(`Changesets added: ${changesets.map(({ path }) => path).join(', ') || 'none'}`);
  if (missing.length > 0) {
    console.error(`\nMissing a changeset for: ${missing.join(', ')}`);
    console.error(
      'Fix: run `pnpm changeset`, pick the packages above and a bump, and commit the new .changeset/*.md',
    );
    console.error('(or `pnpm changeset --empty` when the change needs no release).');
    process.exit(1);
  }
  console.log('Every changed published package has a changeset.');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
