#!/usr/bin/env node
// Generates a client per generator and API from the *packed* @commerce-collections/specs, as another team gets
// it: `pnpm pack` the specs package, install the tarball into a scratch consumer with npm, resolve the bundles
// through the package's exports, then run each generator's CLI (or documented API) with its default settings.
// Output: generated/<generator>/<api>/… (git-ignored; a cached turbo output). Usage: node scripts/generate-clients.mjs
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const specsDir = join(packageDir, '..', '..', 'specs');
const scratch = join(packageDir, '.scratch');
const out = join(packageDir, 'generated');
const bin = (name) => join(packageDir, 'node_modules', '.bin', name);
const apis = ['highlevel', 'shoplazza'];
const run = (command, args, cwd = packageDir) =>
  execFileSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
// Generators run concurrently (child processes), not one after the other.
const runAsync = (command, args) => promisify(execFile)(command, args, { cwd: packageDir });

function installPackedSpecs() {
  rmSync(scratch, { recursive: true, force: true });
  const tarballs = join(scratch, 'tarballs');
  const consumer = join(scratch, 'consumer');
  mkdirSync(tarballs, { recursive: true });
  mkdirSync(consumer, { recursive: true });
  run('pnpm', ['pack', '--pack-destination', tarballs], specsDir);
  const [tarball] = readdirSync(tarballs).filter((file) => file.endsWith('.tgz'));
  if (!tarball) throw new Error('pnpm pack produced no tarball for @commerce-collections/specs');
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  // The specs package has no dependencies: npm needs no registry for it.
  run('npm', ['install', '--no-audit', '--no-fund', '--offline', join(tarballs, tarball)], consumer);
  const resolve = createRequire(join(consumer, 'package.json')).resolve;
  return (api) => resolve(`@commerce-collections/specs/${api}/openapi.json`);
}

// Each generator with the settings its README's quick start uses; nothing tuned to our specs.
const generators = {
  'openapi-typescript': (spec, dir) =>
    runAsync(bin('openapi-typescript'), [spec, '-o', join(dir, 'openapi.ts')]),
  'hey-api': async (spec, dir) => {
    const { createClient } = await import('@hey-api/openapi-ts');
    await createClient({
      input: spec,
      output: dir,
      logs: { level: 'silent' },
      plugins: ['@hey-api/typescript', '@hey-api/sdk', '@hey-api/client-fetch'],
    });
  },
  'swagger-typescript-api': (spec, dir) =>
    runAsync(bin('swagger-typescript-api'), ['generate', '-p', spec, '-o', dir, '-n', 'api.ts', '--silent']),
  'openapi-zod-client': (spec, dir) => runAsync(bin('openapi-zod-client'), [spec, '-o', join(dir, 'api.ts')]),
  oazapfts: (spec, dir) => runAsync(bin('oazapfts'), [spec, join(dir, 'api.ts')]),
};

const specPath = installPackedSpecs();
rmSync(out, { recursive: true, force: true });
await Promise.all(
  Object.entries(generators).flatMap(([generator, generate]) =>
    apis.map(async (api) => {
      const dir = join(out, generator, api);
      mkdirSync(dir, { recursive: true });
      await generate(specPath(api), dir);
    }),
  ),
);
console.log(`generated ${Object.keys(generators).length} generators × ${apis.length} APIs into generated/`);
