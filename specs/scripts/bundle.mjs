#!/usr/bin/env node
// Builds dist/<api>/openapi.yaml, dist/<api>/openapi.json and dist/<api>/index.html (reference docs) from the
// hand-written sources, and stamps `info.version` with this package's version, so the published document and
// the package can never disagree (the sources keep 0.0.0; see README "Versioning").
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const specsDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const redocly = join(specsDir, 'node_modules', '.bin', 'redocly');
const { version } = JSON.parse(readFileSync(join(specsDir, 'package.json'), 'utf8'));
const apis = ['highlevel', 'shoplazza'];

rmSync(join(specsDir, 'dist'), { recursive: true, force: true });
for (const api of apis) {
  const out = join(specsDir, 'dist', api);
  mkdirSync(out, { recursive: true });
  // Redocly prints Node-20 deprecation banners on every run; show its output only when it fails.
  const run = (...args) => {
    try {
      execFileSync(redocly, args, { cwd: specsDir, stdio: 'pipe' });
    } catch (error) {
      process.stderr.write(String(error.stderr ?? error));
      throw error;
    }
  };
  run('bundle', api, '--output', join(out, 'openapi.json'), '--ext', 'json');
  run('bundle', api, '--output', join(out, 'openapi.yaml'), '--ext', 'yaml');
  run('build-docs', api, '--output', join(out, 'index.html'));

  const json = JSON.parse(readFileSync(join(out, 'openapi.json'), 'utf8'));
  json.info.version = version;
  writeFileSync(join(out, 'openapi.json'), `${JSON.stringify(json, null, 2)}\n`);

  // Redocly keeps key order, so `info.version` is the first two-space-indented `version:` under `info:`.
  const yaml = readFileSync(join(out, 'openapi.yaml'), 'utf8');
  const stamped = yaml.replace(/^(info:\n(?: {2}.*\n|\s*\n)*? {2}version: ).*$/m, `$1${version}`);
  if (stamped === yaml && version !== '0.0.0')
    throw new Error(`could not stamp info.version in ${api}/openapi.yaml`);
  writeFileSync(join(out, 'openapi.yaml'), stamped);
  console.log(`bundled specs/dist/${api}/{openapi.yaml,openapi.json,index.html} (info.version ${version})`);
}
