import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { ExitCode } from '../../src/exit-codes';
import { run } from '../../src/run';

// Starting the sandboxes takes seconds (Prism, two servers): record whether it was attempted, start nothing.
const started = vi.hoisted(() => ({ providers: [] as unknown[] }));
vi.mock('../../src/sandboxes', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/sandboxes')>();
  return {
    ...original,
    startSandboxes: async (providers: readonly unknown[]) => {
      started.providers.push(...providers);
      throw new Error('sandboxes are not started in this test');
    },
  };
});

describe('list with sandboxes', () => {
  it('a query the SDK rejects is a usage error before any sandbox is started', async () => {
    started.providers.length = 0;
    const stderr = new PassThrough();
    let text = '';
    stderr.setEncoding('utf8').on('data', (chunk: string) => {
      text += chunk;
    });
    const code = await run(['list', '--mock', '--provider', 'highlevel', '--ids', 'a b'], {
      stdout: new PassThrough(),
      stderr,
      env: {},
    });
    expect(code).toBe(ExitCode.usage);
    expect(text).toMatch(/Invalid option "ids\[0\]"/);
    expect(started.providers).toEqual([]);
  });

  it('a valid query goes on to start them (the control for the test above)', async () => {
    started.providers.length = 0;
    const code = await run(['list', '--mock', '--provider', 'highlevel'], {
      stdout: new PassThrough(),
      stderr: new PassThrough(),
      env: {},
    });
    expect(started.providers).toEqual(['highlevel']);
    expect(code).not.toBe(ExitCode.success);
  });
});
