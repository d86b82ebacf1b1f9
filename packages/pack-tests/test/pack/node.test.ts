import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';
import { nodeProgram } from './consumers';

const run = promisify(execFile);

describe.each([
  ['ESM (import)', 'esm', 'consumer.mjs'],
  ['CJS (require)', 'cjs', 'consumer.cjs'],
] as const)('Node %s consumer of the tarballs', (_title, kind, file) => {
  it('lists every collection of both sandboxes through the facade, uses the clients, and keeps error classes', async () => {
    const env = inject('pack');
    const path = join(env.consumer, file);
    writeFileSync(path, nodeProgram(kind));
    const { stdout } = await run(process.execPath, [path, JSON.stringify(env)], { cwd: env.consumer });
    const result = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');

    const { highlevel, shoplazza } = env.sandboxes;
    // Each sandbox collection exactly once (the facade's order between providers is its own business).
    const expected = [
      ...highlevel.ids.map((id) => `highlevel:${id}`),
      ...shoplazza.ids.map((id) => `shoplazza:${id}`),
    ];
    expect(highlevel.ids.length).toBeGreaterThan(10);
    expect(shoplazza.ids.length).toBeGreaterThan(10);
    expect([...result.listed].sort()).toEqual(expected.sort());
    expect(result.highlevelPage).toEqual(highlevel.ids.slice(0, 5));
    expect(result.shoplazzaPage).toEqual(shoplazza.ids.slice(0, 5));
    expect(result.authError).toEqual({
      status: 401,
      isAuthentication: true,
      isBase: true,
      isRuntimeAuthentication: true,
    });
    expect(result.validationError).toEqual({ isValidation: true });
    // The `/errors` subpath every package re-exports serves the same classes from the tarball.
    expect(result.errorsSubpath).toEqual({ isAuthentication: true, isSameClass: true });
  });
});
