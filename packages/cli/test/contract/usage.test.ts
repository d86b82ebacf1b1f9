import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli';

const hint = 'Run commerce-collections list --help';

describe('usage', () => {
  it.each([
    [['list', '--frmat', 'json'], 'unknown option --frmat (did you mean --format?)'],
    [['list', '--format'], '--format needs a value'],
    [['list', '--format', 'xml'], '--format must be one of table, json, ndjson (got "xml")'],
    [['list', '--max', '-3'], '--max needs a value'],
    [['frobnicate'], 'unknown command "frobnicate"'],
    [[], 'missing command: the only command is `list`'],
  ])('%j: exit 2, one line with the hint, nothing on stdout', async (args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`commerce-collections: ${message}. ${hint}\n`);
  });

  it('a token passed as a flag is refused without echoing it', async () => {
    const result = await runCli(['list', '--highlevel-token=pat-5e1f0c9d']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^commerce-collections: --highlevel-token is not accepted: tokens are read only from/,
    );
    expect(result.stderr).not.toContain('pat-5e1f0c9d');
  });

  it('a token without its location id is a usage error, not a silent fallback to sample data', async () => {
    const result = await runCli(['list', '--provider', 'highlevel'], { HIGHLEVEL_TOKEN: 'pat-0a1b2c3d' });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `commerce-collections: HIGHLEVEL_TOKEN is set but the location id is missing: set HIGHLEVEL_LOCATION_ID or pass --highlevel-location-id. ${hint}\n`,
    );
  });

  it('input the SDK rejects before any request (its ValidationError) is a usage error too', async () => {
    const result = await runCli(['list', '--mock', '--provider', 'highlevel', '--ids', 'a b']);
    expect(result.code).toBe(2);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(
      /^commerce-collections: Invalid option "ids\[0\]": .*\(got "a b"\)\. Run commerce-collections list --help$/,
    );
    expect(result.stdout).toBe('');
  });

  it('--help documents commands, every flag, the environment, exit codes and examples', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    for (const text of [
      'commerce-collections list [options]',
      '--provider',
      '--search',
      '--ids',
      '--updated-after',
      '--updated-before',
      '--product-id',
      '--format',
      '--raw',
      '--max',
      '--page-size',
      '--mock',
      '--verbose',
      '--highlevel-location-id',
      '--shoplazza-shop',
      '--highlevel-base-url',
      '--shoplazza-base-url',
      'HIGHLEVEL_TOKEN',
      'HIGHLEVEL_LOCATION_ID',
      'SHOPLAZZA_TOKEN',
      'SHOPLAZZA_SHOP',
      'Exit codes:',
      '130',
      'Examples:',
    ]) {
      expect(result.stdout).toContain(text);
    }
    expect((await runCli(['list', '--help'])).stdout).toBe(result.stdout);
  });

  it('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    const result = await runCli(['--version']);
    expect(result).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});
