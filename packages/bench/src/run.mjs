#!/usr/bin/env node
// Runs the benchmarks (performance-method.md) and writes results/latest.{md,json}.
//   pnpm bench                    every benchmark
//   pnpm bench --only B4,B7       some of them
//   pnpm bench --check            also compare each ratio with its target (met/missed); exit 1 only on a crash
//   pnpm bench --rounds 7         rounds per benchmark (default 5, at least 5 is the method)
//   pnpm bench --quick            fewer calls per round (a smoke run; figures are not comparable)
// Results of a partial (--only) or --quick run go to results/partial.{md,json}, never over latest.
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadLibraries } from './lib/clients.mjs';
import { checkReport, markdownReport } from './lib/report.mjs';

const ALL = [
  ['B1', './benchmarks/b1-overhead.mjs'],
  ['B2', './benchmarks/b2-throughput.mjs'],
  ['B3', './benchmarks/b3-latency.mjs'],
  ['B4', './benchmarks/b4-pagination.mjs'],
  ['B5', './benchmarks/b5-rate-limit.mjs'],
  ['B6', './benchmarks/b6-streaming.mjs'],
  ['B7', './benchmarks/b7-bundle.mjs'],
  ['B8', './benchmarks/b8-cold-start.mjs'],
  ['B9', './benchmarks/b9-typecheck.mjs'],
  ['B10', './benchmarks/b10-codegen.mjs'],
  ['B11', './benchmarks/b11-shoplazza-versions.mjs'],
];

const { values } = parseArgs({
  // turbo passes everything after `--`; a stray `--` from nested runners is ignored.
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    check: { type: 'boolean', default: false },
    only: { type: 'string' },
    rounds: { type: 'string', default: '5' },
    quick: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log('usage: pnpm bench [--check] [--only B1,B4] [--rounds 5] [--quick]');
  process.exit(0);
}
const only = values.only?.split(',').map((id) => id.trim().toUpperCase());
const unknown = only?.filter((id) => !ALL.some(([known]) => known === id)) ?? [];
if (unknown.length) {
  console.error(`unknown benchmark ${unknown.join(', ')}; known: ${ALL.map(([id]) => id).join(', ')}`);
  process.exit(2);
}
const rounds = Math.max(1, Number(values.rounds));
const selected = ALL.filter(([id]) => !only || only.includes(id));
const libs = await loadLibraries();
const context = { libs, rounds, quick: values.quick };

const started = performance.now();
const benchmarks = [];
for (const [id, path] of selected) {
  const t0 = performance.now();
  process.stdout.write(`${id} … `);
  try {
    const module = await import(path);
    const result = await module.run(context);
    benchmarks.push(result);
    const missed = (result.checks ?? []).filter((c) => c.met === false).length;
    console.log(
      `done in ${((performance.now() - t0) / 1000).toFixed(1)} s${missed ? ` (${missed} target(s) missed)` : ''}`,
    );
  } catch (error) {
    benchmarks.push({ id, title: path, error: String(error?.stack ?? error) });
    console.log(`CRASHED: ${error?.stack ?? error}`);
  }
}

const cpus = os.cpus();
const results = {
  machine: {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    node: process.versions.node,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    date: new Date().toISOString(),
    loadAverage: os.loadavg().map((x) => Number(x.toFixed(2))),
  },
  command: `pnpm bench${values.only ? ` --only ${values.only}` : ''}${values.quick ? ' --quick' : ''}`,
  rounds,
  durationSeconds: Number(((performance.now() - started) / 1000).toFixed(1)),
  benchmarks,
};
const name = only || values.quick ? 'partial' : 'latest';
const dir = fileURLToPath(new URL('../results/', import.meta.url));
await mkdir(dir, { recursive: true });
await writeFile(`${dir}${name}.json`, `${JSON.stringify(results, null, 2)}\n`);
await writeFile(`${dir}${name}.md`, markdownReport(results, results.command));
console.log(`\nwrote results/${name}.md and results/${name}.json (${results.durationSeconds} s)`);
if (values.check) console.log(checkReport(results));
process.exitCode = benchmarks.some((b) => b.error) ? 1 : 0;
