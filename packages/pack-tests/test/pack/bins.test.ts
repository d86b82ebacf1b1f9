import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';
import type { BinCase } from './workspace';

const run = promisify(execFile);

// Each command-line tool, run through the bin link npm created from its tarball (so the `bin` field, the
// shebang and the file mode are tested too). Adding a tool is one entry.
const cases: BinCase[] = [
  {
    pkg: '@commerce-collections/contract',
    bin: 'commerce-collections-contract',
    title: '--help',
    args: () => ['--help'],
    expect: (stdout) => {
      expect(stdout).toMatch(/^Usage: commerce-collections-contract /);
      for (const command of ['mock', 'verify', 'sandbox'])
        expect(stdout).toContain(`  ${command} <highlevel|shoplazza>`);
    },
  },
  {
    pkg: '@commerce-collections/cli',
    bin: 'commerce-collections',
    title: '--help',
    args: () => ['--help'],
    expect: (stdout) => {
      expect(stdout).toContain('commerce-collections list');
      expect(stdout).toContain('--mock');
    },
  },
  {
    pkg: '@commerce-collections/cli',
    bin: 'commerce-collections',
    title: 'list --mock --provider all --format ndjson',
    args: () => ['list', '--mock', '--provider', 'all', '--format', 'ndjson'],
    expect: (stdout) => {
      const lines = stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      const providers = new Set(lines.map((line) => line.provider));
      expect(providers).toEqual(new Set(['highlevel', 'shoplazza']));
      for (const line of lines)
        expect(line).toMatchObject({ id: expect.any(String), title: expect.any(String) });
      // Every collection exactly once.
      expect(new Set(lines.map((line) => `${line.provider}:${line.id}`)).size).toBe(lines.length);
    },
  },
];

describe.each(cases)('$bin $title (installed from the $pkg tarball)', (entry) => {
  it('runs and prints what it should', async () => {
    const env = inject('pack');
    const { stdout } = await run(join(env.consumer, 'node_modules', '.bin', entry.bin), entry.args(env), {
      cwd: env.consumer,
      maxBuffer: 64 * 1024 * 1024,
    });
    entry.expect(stdout, env);
  });
});
