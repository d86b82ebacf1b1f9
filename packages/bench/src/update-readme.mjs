#!/usr/bin/env node
// Writes the `## Benchmarks` section of the root README.md from packages/bench/results/latest.json, so the
// table there is never copied by hand. Replaces the section if present; otherwise inserts it before
// `## Reliability` when that section exists, else appends it. Usage: pnpm --filter @commerce-collections/bench readme
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { machineLine, summaryTable } from './lib/report.mjs';

const readmePath = process.argv[2] ?? fileURLToPath(new URL('../../../README.md', import.meta.url));
const results = JSON.parse(await readFile(new URL('../results/latest.json', import.meta.url), 'utf8'));

const section = [
  '## Benchmarks',
  '',
  `\`packages/bench\` measures our clients side by side with raw \`fetch\`, openapi-fetch used directly,`,
  "`node:http` with a keep-alive agent (the floor) and HighLevel's official `@gohighlevel/api-client`, in one",
  'process against a loopback fixture server in its own process (see [packages/bench](packages/bench/README.md)).',
  'Absolute times vary between machines and runs; the ratios measured side by side are what count, and',
  'differences under ~3 % are noise. Timings never fail CI.',
  '',
  `Latest run: \`${results.command}\` — ${machineLine(results.machine)}, load average ${results.machine.loadAverage?.join(' / ') ?? 'n/a'}.`,
  `Full table with every variant and every round: [packages/bench/results/latest.md](packages/bench/results/latest.md).`,
  '',
  summaryTable(results),
  '',
  'Why the missed targets miss, with figures from several runs: [packages/bench/README.md](packages/bench/README.md#where-a-target-is-missed-and-why).',
  '',
  'Regenerate: `pnpm bench` then `pnpm --filter @commerce-collections/bench readme`; `pnpm bench --check` prints',
  'each target as met or missed.',
  '',
].join('\n');

const readme = await readFile(readmePath, 'utf8');
const start = readme.indexOf('\n## Benchmarks\n');
let next;
if (start !== -1) {
  const after = readme.indexOf('\n## ', start + 1);
  next = `${readme.slice(0, start + 1)}${section}${after === -1 ? '' : readme.slice(after)}`;
} else {
  const reliability = readme.indexOf('\n## Reliability');
  next =
    reliability === -1
      ? `${readme.replace(/\n*$/, '\n')}\n${section}`
      : `${readme.slice(0, reliability + 1)}${section}\n${readme.slice(reliability + 1)}`;
}
await writeFile(readmePath, next);
console.log(`updated the Benchmarks section of ${readmePath}`);
