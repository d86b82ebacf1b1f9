import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/exit-codes';
import { helpText } from '../../src/help';
import { run } from '../../src/run';

function capture(stream: PassThrough): () => string {
  let text = '';
  stream.setEncoding('utf8').on('data', (chunk: string) => {
    text += chunk;
  });
  return () => text;
}

async function runWith(argv: string[], env: Record<string, string> = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out = capture(stdout);
  const err = capture(stderr);
  const code = await run(argv, { stdout, stderr, env });
  return { code, stdout: out(), stderr: err() };
}

// run() without spawning: the paths that need no server. Listings are covered end to end in test/contract.
describe('run', () => {
  it('--help: the help text on stdout, exit 0', async () => {
    expect(await runWith(['--help'])).toEqual({ code: ExitCode.success, stdout: helpText(), stderr: '' });
  });

  it('a usage error: exit 2, nothing on stdout', async () => {
    const result = await runWith(['list', '--format', 'yaml']);
    expect(result.code).toBe(ExitCode.usage);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^commerce-collections: --format must be one of table, json, ndjson/);
  });

  it('a missing shop with a Shoplazza token: exit 2 and the token is never printed', async () => {
    const result = await runWith(['list', '--provider', 'shoplazza', '--verbose'], {
      SHOPLAZZA_TOKEN: 'sl-77aa',
    });
    expect(result.code).toBe(ExitCode.usage);
    expect(result.stderr).toContain('SHOPLAZZA_TOKEN is set but the shop is missing');
    expect(result.stdout + result.stderr).not.toContain('sl-77aa');
  });
});
