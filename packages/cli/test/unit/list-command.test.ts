import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { ExitCode } from '../../src/exit-codes';
import { run } from '../../src/run';

// Starting the sandboxes takes seconds (Prism, two servers): record whether it was attempted, start nothing.
// `packageMissing` plays an install without the optional sandbox package (the pack tests do it for real).
const started = vi.hoisted(() => ({ providers: [] as unknown[], packageMissing: false }));
vi.mock('../../src/sandboxes', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/sandboxes')>();
  return {
    ...original,
    loadSandboxPackage: async () => (started.packageMissing ? undefined : {}),
    startSandboxes: async (_package: unknown, providers: readonly unknown[]) => {
      started.providers.push(...providers);
      throw new Error('sandboxes are not started in this test');
    },
  };
});

async function runCapturing(
  argv: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stderr: string }> {
  const stderr = new PassThrough();
  let text = '';
  stderr.setEncoding('utf8').on('data', (chunk: string) => {
    text += chunk;
  });
  const code = await run(argv, { stdout: new PassThrough(), stderr, env });
  return { code, stderr: text };
}

describe('list with sandboxes', () => {
  it('a query the SDK rejects is a usage error before any sandbox is started', async () => {
    started.providers.length = 0;
    started.packageMissing = false;
    const { code, stderr: text } = await runCapturing([
      'list',
      '--mock',
      '--provider',
      'highlevel',
      '--ids',
      'a b',
    ]);
    expect(code).toBe(ExitCode.usage);
    expect(text).toMatch(/Invalid option "ids\[0\]"/);
    expect(started.providers).toEqual([]);
  });

  it('a valid query goes on to start them (the control for the tests above and below)', async () => {
    started.providers.length = 0;
    started.packageMissing = false;
    const code = await run(['list', '--mock', '--provider', 'highlevel'], {
      stdout: new PassThrough(),
      stderr: new PassThrough(),
      env: {},
    });
    expect(started.providers).toEqual(['highlevel']);
    expect(code).not.toBe(ExitCode.success);
  });

  it('--mock without the sandbox package: a usage error naming the package, nothing started or noticed', async () => {
    started.providers.length = 0;
    started.packageMissing = true;
    const { code, stderr } = await runCapturing(['list', '--mock', '--provider', 'highlevel']);
    expect(code).toBe(ExitCode.usage);
    expect(stderr).toBe(
      'commerce-collections: --mock: the local sandboxes need @commerce-collections/contract, which is not installed: install @commerce-collections/contract next to the CLI (npm install @commerce-collections/contract). Run commerce-collections list --help\n',
    );
    expect(started.providers).toEqual([]);
  });

  it('no credentials without the sandbox package: names the variables and the package', async () => {
    started.providers.length = 0;
    started.packageMissing = true;
    const { code, stderr } = await runCapturing(['list'], {
      SHOPLAZZA_TOKEN: 'shop-token',
      SHOPLAZZA_SHOP: 'my-shop',
    });
    expect(code).toBe(ExitCode.usage);
    expect(stderr).toContain(
      'HIGHLEVEL_TOKEN not set, and the local sandboxes need @commerce-collections/contract, which is not installed: set it to list real collections, or install @commerce-collections/contract next to the CLI (npm install @commerce-collections/contract) to list sample ones.',
    );
    expect(stderr).not.toContain('shop-token');
    expect(started.providers).toEqual([]);
  });
});
