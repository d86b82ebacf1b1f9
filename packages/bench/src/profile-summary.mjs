#!/usr/bin/env node
// Summarises a V8 .cpuprofile (node --cpu-prof): self time per function and per file, top N.
// Usage: node src/profile-summary.mjs <file.cpuprofile> [top=25] [filter-substring]
import { readFileSync } from 'node:fs';

const [file, topArg, filter] = process.argv.slice(2);
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map();
const deltas = profile.timeDeltas;
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i];
  self.set(id, (self.get(id) ?? 0) + (deltas[i] ?? 0));
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
const fn = new Map();
const files = new Map();
for (const [id, micros] of self) {
  const { callFrame } = byId.get(id);
  const url = callFrame.url
    .replace(/^file:\/\/.*node_modules\/\.pnpm\//, '')
    .replace(/^file:\/\/\/work\/main\//, '');
  const key = `${callFrame.functionName || '(anonymous)'}  ${url}:${callFrame.lineNumber + 1}`;
  if (filter && !key.includes(filter)) continue;
  fn.set(key, (fn.get(key) ?? 0) + micros);
  const fileKey = url || `(${callFrame.functionName})`;
  files.set(fileKey, (files.get(fileKey) ?? 0) + micros);
}
const print = (title, map) => {
  console.log(`\n${title} (total ${(total / 1000).toFixed(1)} ms sampled)`);
  for (const [key, micros] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(
      `${((micros / total) * 100).toFixed(1).padStart(5)} %  ${(micros / 1000).toFixed(1).padStart(8)} ms  ${key}`,
    );
  }
};
print('self time by function', fn);
print('self time by file', files);
