#!/usr/bin/env node
// Cold import of several builds side by side (B8 across commits, where absolute times are not comparable across
// days): a fresh Node process per sample, the files interleaved and rotated, medians printed.
// Usage: node src/compare-import.mjs <samples> <file.js> [file.js ...]
//   e.g. the sdk dist of two worktrees: node src/compare-import.mjs 20 ../old/packages/sdk/dist/index.js \
//        ../../packages/sdk/dist/index.js
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [samples, ...files] = process.argv.slice(2);
if (!Number(samples) || files.length === 0) {
  console.error('usage: node src/compare-import.mjs <samples> <file.js> [file.js ...]');
  process.exit(2);
}
const child =
  'const t0 = performance.now(); await import(process.argv[1]); process.stdout.write(String(performance.now() - t0));';
const urls = files.map((file) => pathToFileURL(resolve(file)).href);
const times = files.map(() => []);
for (let round = 0; round <= Number(samples); round++) {
  for (let i = 0; i < files.length; i++) {
    const k = (i + round) % files.length;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', child, urls[k]]);
    if (round > 0) times[k].push(Number(out.toString())); // round 0 warms the disk cache
  }
}
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
for (const [k, file] of files.entries()) console.log(`${median(times[k]).toFixed(2)} ms  ${file}`);
