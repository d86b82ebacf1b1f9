import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, inject, it } from 'vitest';

const exec = promisify(execFile);

const sandboxPackage = '@commerce-collections/contract';

/** Every package installed under `dir/node_modules`, nested ones included, by name. */
function installedPackages(dir: string): Set<string> {
  const names = new Set<string>();
  const walk = (modules: string): void => {
    if (!existsSync(modules)) return;
    for (const entry of readdirSync(modules)) {
      if (entry.startsWith('.')) continue;
      const scoped = entry.startsWith('@');
      for (const name of scoped ? readdirSync(join(modules, entry)).map((n) => `${entry}/${n}`) : [entry]) {
        names.add(name);
        walk(join(modules, name, 'node_modules'));
      }
    }
  };
  walk(join(dir, 'node_modules'));
  return names;
}

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the installed bin with no credentials in the environment, whatever the exit code. */
async function runCli(consumer: string, args: string[]): Promise<CliRun> {
  try {
    const { stdout, stderr } = await exec(
      join(consumer, 'node_modules', '.bin', 'commerce-collections'),
      args,
      {
        cwd: consumer,
        env: { PATH: process.env.PATH ?? '' },
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof failed.code !== 'number') throw error;
    return { code: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

// `npm install @commerce-collections/cli` as a user runs it: the CLI tarball alone in a fresh project. Overrides
// point every one of our packages at its tarball (nothing from the registry's copies), so the sandbox package
// would be installed from its tarball if the CLI still pulled it in. The tests run in order: the last one adds
// the sandbox package.
describe('the CLI installed alone, without its optional sandbox package', () => {
  let consumer: string;
  let tarballSpecs: Record<string, string>;

  /** Installs exactly `names` (and what they depend on), each of ours from its tarball. */
  async function installFromTarballs(names: string[]): Promise<void> {
    // A direct dependency must be spelled exactly like its override, or npm refuses (EOVERRIDE).
    const dependencies = Object.fromEntries(names.map((name) => [name, tarballSpecs[name]]));
    const manifest = {
      name: 'cli-consumer',
      private: true,
      version: '0.0.0',
      dependencies,
      overrides: tarballSpecs,
    };
    writeFileSync(join(consumer, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    await exec('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: consumer,
      maxBuffer: 64 * 1024 * 1024,
    });
  }

  beforeAll(async () => {
    const env = inject('pack');
    consumer = join(env.scratch, 'cli-alone');
    mkdirSync(consumer);
    tarballSpecs = Object.fromEntries(
      Object.entries(env.tarballs).map(([name, file]) => [name, `file:${file}`]),
    );
    await installFromTarballs(['@commerce-collections/cli']);
  });

  it('installs neither the sandbox package nor Prism', () => {
    const installed = installedPackages(consumer);
    expect(installed).toContain('@commerce-collections/cli');
    expect(installed).toContain('@commerce-collections/sdk');
    expect(installed).not.toContain(sandboxPackage);
    expect(installed).not.toContain('@commerce-collections/specs');
    expect([...installed].filter((name) => name.startsWith('@stoplight/'))).toEqual([]);
  });

  it('list --help works', async () => {
    const result = await runCli(consumer, ['list', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('commerce-collections list');
    expect(result.stdout).toContain('--mock');
  });

  it('list --mock exits 2 with a message naming the package to install, and prints no data', async () => {
    const result = await runCli(consumer, ['list', '--mock', '--format', 'ndjson']);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `commerce-collections: --mock: the local sandboxes need ${sandboxPackage}, which is not installed: install ${sandboxPackage} next to the CLI (npm install ${sandboxPackage}). Run commerce-collections list --help\n`,
    });
  });

  it('list without credentials exits 2 naming the variables and the package', async () => {
    const result = await runCli(consumer, ['list']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      `HIGHLEVEL_TOKEN and SHOPLAZZA_TOKEN not set, and the local sandboxes need ${sandboxPackage}, which is not installed`,
    );
  });

  it('after installing the sandbox package, list --mock lists every sample collection', async () => {
    await installFromTarballs(['@commerce-collections/cli', sandboxPackage]);
    expect(installedPackages(consumer)).toContain(sandboxPackage);

    const result = await runCli(consumer, ['list', '--mock', '--provider', 'all', '--format', 'ndjson']);
    expect(result.code).toBe(0);
    const rows = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { provider: string; id: string });
    expect(rows.filter((row) => row.provider === 'highlevel')).toHaveLength(240);
    expect(rows.filter((row) => row.provider === 'shoplazza')).toHaveLength(180);
    expect(new Set(rows.map((row) => `${row.provider}:${row.id}`)).size).toBe(rows.length);
    expect(result.stderr).toMatch(/^--mock: listing 240 HighLevel and 180 Shoplazza sample collections/);
  });
});
