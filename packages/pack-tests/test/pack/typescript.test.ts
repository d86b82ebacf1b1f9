import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';
import { typescriptConsumer } from './consumers';

const run = promisify(execFile);
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

// Strict consumers with the two resolution modes users have. skipLibCheck is off so our published .d.ts/.d.cts
// files are checked too; node16 checks an ESM file (import conditions, .d.ts) and a CJS file (require
// conditions, .d.cts).
const common = {
  strict: true,
  noEmit: true,
  skipLibCheck: false,
  target: 'ES2022',
  lib: ['ES2022', 'DOM', 'DOM.Iterable'],
  types: [],
};
const cases = [
  {
    title: 'moduleResolution node16 (ESM .mts and CJS .cts)',
    dir: 'ts-node16',
    files: ['index.mts', 'index.cts'],
    compilerOptions: { ...common, module: 'node16', moduleResolution: 'node16' },
  },
  {
    title: 'moduleResolution bundler',
    dir: 'ts-bundler',
    files: ['index.ts'],
    compilerOptions: { ...common, module: 'esnext', moduleResolution: 'bundler' },
  },
];

describe.each(cases)('TypeScript consumer, $title', ({ dir, files, compilerOptions }) => {
  it('type-checks calls, results and error classes against the packed declarations', async () => {
    const { consumer } = inject('pack');
    const root = join(consumer, dir);
    mkdirSync(root, { recursive: true });
    for (const file of files) writeFileSync(join(root, file), typescriptConsumer);
    writeFileSync(join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions, files }, null, 2));
    const result = await run(process.execPath, [tsc, '-p', join(root, 'tsconfig.json')], { cwd: root }).then(
      ({ stdout }) => stdout,
      (error: { stdout?: string; message: string }) => error.stdout || error.message,
    );
    expect(result).toBe('');
  });
});
