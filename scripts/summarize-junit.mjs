#!/usr/bin/env node
// Adds up the JUnit reports every package wrote (reports/*.xml) into one closing line, `N passed, N failed`,
// so a reader (or CI) sees the whole run's count at a glance. Turbo replays cached tasks' reports too.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dirs = [join(root, 'specs'), ...readdirSync(join(root, 'packages')).map((p) => join(root, 'packages', p))];
let tests = 0;
let failed = 0;
let skipped = 0;
for (const dir of dirs) {
  let files = [];
  try {
    files = readdirSync(join(dir, 'reports')).filter((f) => f.endsWith('.xml'));
  } catch {
    continue;
  }
  for (const file of files) {
    const xml = readFileSync(join(dir, 'reports', file), 'utf8');
    const suites = xml.match(/<testsuites[^>]*>/);
    if (!suites) continue;
    const attr = (name) => Number(suites[0].match(new RegExp(`${name}="(\\d+)"`))?.[1] ?? 0);
    tests += attr('tests');
    failed += attr('failures') + attr('errors');
    skipped += attr('skipped');
  }
}
console.log(`\n${tests - failed - skipped} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
