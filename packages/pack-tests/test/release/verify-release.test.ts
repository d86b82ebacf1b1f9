import { execFile } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createScratchRepo, manifest, repoRoot } from './scratch-repo';

const script = join(repoRoot, 'scripts', 'verify-release.mjs');

// A registry on loopback that knows one package version: `@demo/a@1.0.0`. Every other name is a 404.
const known: Record<string, string[]> = { '@demo/a': ['1.0.0'] };
let registry: Server;
let registryUrl = '';
const requested: string[] = [];

beforeAll(async () => {
  registry = createServer((request, response) => {
    const name = decodeURIComponent((request.url ?? '/').slice(1));
    requested.push(name);
    const versions = known[name];
    response.writeHead(versions ? 200 : 404, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify(
        versions
          ? {
              name,
              'dist-tags': { latest: versions.at(-1) },
              versions: Object.fromEntries(versions.map((version) => [version, { name, version }])),
            }
          : { error: 'not found' },
      ),
    );
  });
  await new Promise<void>((resolve) => registry.listen(0, '127.0.0.1', resolve));
  registryUrl = `http://127.0.0.1:${(registry.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise((resolve) => registry.close(resolve)));

describe('scripts/verify-release.mjs', () => {
  let dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    dirs = [];
  });

  const exportsOf = {
    '.': {
      import: { types: './dist/index.d.ts', default: './dist/index.js' },
      require: { types: './dist/index.d.cts', default: './dist/index.cjs' },
    },
    './source/*': './source/*',
    './package.json': './package.json',
  };
  const built = {
    'packages/b/dist/index.js': 'export {};\n',
    'packages/b/dist/index.cjs': 'module.exports = {};\n',
    'packages/b/dist/index.d.ts': 'export {};\n',
    'packages/b/dist/index.d.cts': 'export {};\n',
    'packages/b/source/openapi.yaml': 'openapi: 3.1.0\n',
    'packages/b/bin/b.js': '#!/usr/bin/env node\n',
  };

  function repo(overrides: Record<string, unknown> = {}, files: Record<string, string> = built) {
    const scratch = createScratchRepo({
      'packages/a/package.json': manifest({
        name: '@demo/a',
        version: '1.0.0',
        files: ['index.js'],
        main: 'index.js',
      }),
      'packages/a/index.js': 'module.exports = 1;\n',
      'packages/b/package.json': manifest({
        name: '@demo/b',
        version: '0.2.0',
        files: ['dist', 'source', 'bin'],
        exports: exportsOf,
        main: './dist/index.cjs',
        types: './dist/index.d.cts',
        bin: { b: './bin/b.js' },
        ...overrides,
      }),
      'packages/private/package.json': manifest({
        name: '@demo/private',
        version: '0.0.0',
        private: true,
        main: 'gone.js',
      }),
      ...files,
    });
    dirs.push(scratch.dir);
    scratch.commit('base');
    const userconfig = join(scratch.dir, '..', `${scratch.dir.split('/').at(-1)}.npmrc`);
    writeFileSync(userconfig, '');
    dirs.push(userconfig);
    const env = { ...scratch.env, npm_config_registry: registryUrl, npm_config_userconfig: userconfig };
    const verify = () =>
      new Promise<{ status: number; stdout: string; stderr: string }>((resolve) =>
        execFile(
          process.execPath,
          [script, scratch.dir],
          { env, encoding: 'utf8' },
          (error, stdout, stderr) => resolve({ status: error ? Number(error.code) : 0, stdout, stderr }),
        ),
      );
    return { ...scratch, verify };
  }

  it('passes a built package whose tarball holds every target, and a tagged version already released', async () => {
    const { git, verify } = repo();
    git('tag', '@demo/a@1.0.0');
    const result = await verify();
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('to publish: @demo/b@0.2.0');
    expect(result.stdout).toContain('already released: @demo/a@1.0.0');
    expect(result.status).toBe(0);
    expect(requested).toEqual(expect.arrayContaining(['@demo/a', '@demo/b']));
  });

  it('fails with ERR_RELEASE_BUILD_MISSING (exit 3) for every target that was not built', async () => {
    const { 'packages/b/dist/index.d.cts': _gone, ...partial } = built;
    const { git, verify } = repo({}, partial);
    git('tag', '@demo/a@1.0.0');
    const result = await verify();
    expect(result.status).toBe(3);
    expect(result.stderr).toContain('Release verification failed: nothing was published (2 problems).');
    expect(result.stderr).toContain(
      'ERR_RELEASE_BUILD_MISSING @demo/b: exports["."]["require"]["types"] → packages/b/dist/index.d.cts does not exist',
    );
    expect(result.stderr).toContain('ERR_RELEASE_BUILD_MISSING @demo/b: types → packages/b/dist/index.d.cts');
    expect(result.stderr).toContain('Fix (ERR_RELEASE_BUILD_MISSING): Build first');
  });

  it('fails with ERR_RELEASE_FILES_OMIT (exit 4) when `files` leaves out a target or a pattern', async () => {
    const { git, verify } = repo({ files: ['dist/*.js', 'dist/*.cjs'] });
    git('tag', '@demo/a@1.0.0');
    const result = await verify();
    expect(result.status).toBe(4);
    for (const target of ['dist/index.d.ts', 'dist/index.d.cts', 'source/*'])
      expect(result.stderr).toContain(`→ ${target} exists but is not in the tarball`);
    // npm packs `main` and `bin` files whatever `files` says.
    expect(result.stderr).not.toMatch(/dist\/index\.c?js exists|bin\/b\.js exists/);
  });

  it('fails with ERR_RELEASE_VERSION_EXISTS (exit 5) for a version on the registry that no release of ours tagged', async () => {
    const { verify } = repo();
    const result = await verify();
    expect(result.status).toBe(5);
    expect(result.stderr).toContain(
      'ERR_RELEASE_VERSION_EXISTS @demo/a: @demo/a@1.0.0 is already on the registry, but no release of ours tagged it',
    );
    expect(result.stderr).toContain('git tag <name>@<version>');
  });
});
