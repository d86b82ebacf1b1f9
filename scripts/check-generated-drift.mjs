#!/usr/bin/env node
// Fails when the committed generated code differs from what the specs generate now.
// (openapi-typescript's own --check can pass with several APIs while one output is stale, so we regenerate
// and ask git instead.)
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const apis = ['highlevel', 'shoplazza'];
execFileSync(process.execPath, [join(root, 'scripts', 'generate-types.mjs'), ...apis], { cwd: root, stdio: 'inherit' });
const paths = apis.map((api) => `packages/${api}/src/generated`);
const changed = execFileSync('git', ['status', '--porcelain', '--', ...paths], { cwd: root, encoding: 'utf8' }).trim();
if (changed) {
  console.error(`\nGenerated code is out of date with the specs:\n${changed}\n`);
  console.error(execFileSync('git', ['--no-pager', 'diff', '--stat', '--', ...paths], { cwd: root, encoding: 'utf8' }));
  console.error('Fix: run `pnpm generate` and commit the files under packages/*/src/generated/.');
  process.exit(1);
}
console.log('Generated code matches the specs.');
