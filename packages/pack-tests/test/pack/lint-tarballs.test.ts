import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';
import { publicPackages } from './workspace';

const run = promisify(execFile);
const bin = (name: string) => join(import.meta.dirname, '..', '..', 'node_modules', '.bin', name);

const outputOf = (promise: Promise<{ stdout: string; stderr: string }>) =>
  promise.then(
    ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({
      code: error.code ?? 1,
      output: `${error.stdout ?? ''}${error.stderr ?? ''}`,
    }),
  );

describe.each(publicPackages.map(({ name }) => [name]))('%s tarball', (name) => {
  it('passes publint --strict', async () => {
    const tarball = inject('pack').tarballs[name];
    const { code, output } = await outputOf(run(bin('publint'), ['--strict', tarball!]));
    expect(output).not.toMatch(/error|warning|suggestion/i);
    expect(code).toBe(0);
  });

  it('passes attw --profile node16 (types included, no resolution or types problem)', async () => {
    const tarball = inject('pack').tarballs[name];
    const { code, output } = await outputOf(
      run(bin('attw'), [tarball!, '--profile', 'node16', '--format', 'json'], {
        maxBuffer: 64 * 1024 * 1024,
      }),
    );
    const report = JSON.parse(output.slice(output.indexOf('{')));
    expect(report.problems ?? {}).toEqual({});
    // The specs package ships documents only (no JavaScript, so no types); every other one must ship types.
    if (name === '@commerce-collections/specs') expect(report.analysis.types).toBe(false);
    else expect(report.analysis.types).toMatchObject({ kind: 'included' });
    expect(code).toBe(0);
  });
});
