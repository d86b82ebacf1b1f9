import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A pnpm-lock.yaml for a scratch workspace, cut from this repository's lockfile, so the scratch installs with
 * `pnpm install --offline --frozen-lockfile` from the store our own install filled. Without a lockfile pnpm must
 * resolve versions, and `--offline` resolution reads pnpm's metadata cache, which a frozen-lockfile install
 * never fills: on a fresh machine it fails with ERR_PNPM_NO_OFFLINE_META.
 *
 * `rootDevDependencies` are taken at the exact versions (peer suffixes included) our root importer has;
 * `importers` are the scratch's own, as lockfile YAML (workspace links only). The `packages` and `snapshots`
 * sections are copied whole: pnpm installs only what the importers reach.
 */
export function scratchLockfile(repoRoot: string, rootDevDependencies: string[], importers: string): string {
  const ours = readFileSync(join(repoRoot, 'pnpm-lock.yaml'), 'utf8');
  const section = (name: string) => {
    const match = new RegExp(`^${name}:\\n[\\s\\S]*?(?=^\\S|(?![\\s\\S]))`, 'm').exec(ours);
    if (!match) throw new Error(`pnpm-lock.yaml has no ${name} section`);
    return match[0];
  };
  const rootImporter = /^ {2}\.:\n(?: {4}.*\n|\n)*/m.exec(section('importers'))?.[0] ?? '';
  const entries = rootDevDependencies.map((name) => {
    const quoted = name.startsWith('@') ? `'${name}'` : name;
    const version = new RegExp(
      `^ {6}${quoted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\n {8}specifier: .*\\n {8}version: (.*)$`,
      'm',
    ).exec(rootImporter)?.[1];
    if (!version) throw new Error(`pnpm-lock.yaml: the root importer has no devDependency ${name}`);
    return `      ${quoted}:\n        specifier: ${version.replace(/\(.*$/, '')}\n        version: ${version}\n`;
  });
  return [
    "lockfileVersion: '9.0'\n\n",
    section('settings'),
    `importers:\n\n  .:\n    devDependencies:\n${entries.join('')}\n${importers}\n`,
    section('packages'),
    section('snapshots'),
  ].join('');
}
