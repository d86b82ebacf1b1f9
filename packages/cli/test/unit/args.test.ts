import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/args';
import { UsageError } from '../../src/usage-error';

function usageMessage(argv: string[]): string {
  try {
    parseCommandLine(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`expected a UsageError for ${argv.join(' ')}`);
}

describe('parseCommandLine', () => {
  it("defaults: all providers, table, the SDK's page size", () => {
    expect(parseCommandLine(['list'])).toEqual({
      kind: 'list',
      args: {
        provider: 'all',
        format: 'table',
        raw: false,
        mock: false,
        verbose: false,
      },
    });
  });

  it('parses every list flag', () => {
    const command = parseCommandLine([
      'list',
      '--provider',
      'shoplazza',
      '--search',
      'summer sale',
      '--ids',
      ' a, b ,,c',
      '--updated-after',
      '2024-05-01',
      '--updated-before=2024-06-01T12:30:00+02:00',
      '--product-id',
      'p-1',
      '--format',
      'ndjson',
      '--raw',
      '--max',
      '25',
      '--page-size',
      '50',
      '--shoplazza-shop',
      'my-shop',
      '--highlevel-location-id',
      'loc-1',
      '--shoplazza-base-url',
      'http://127.0.0.1:9/',
      '--verbose',
    ]);
    expect(command).toEqual({
      kind: 'list',
      args: {
        provider: 'shoplazza',
        search: 'summer sale',
        ids: ['a', 'b', 'c'],
        updatedAfter: new Date('2024-05-01T00:00:00Z'),
        updatedBefore: new Date('2024-06-01T10:30:00Z'),
        productId: 'p-1',
        format: 'ndjson',
        raw: true,
        max: 25,
        pageSize: 50,
        shoplazzaShop: 'my-shop',
        highlevelLocationId: 'loc-1',
        shoplazzaBaseUrl: 'http://127.0.0.1:9',
        mock: false,
        verbose: true,
      },
    });
  });

  it('reads a time without an offset as UTC', () => {
    const command = parseCommandLine([
      'list',
      '--provider',
      'shoplazza',
      '--updated-after',
      '2024-05-01T08:00',
    ]);
    expect(command.kind === 'list' && command.args.updatedAfter?.toISOString()).toBe(
      '2024-05-01T08:00:00.000Z',
    );
  });

  it('--help and help win over everything else; --version prints the version', () => {
    expect(parseCommandLine(['--help'])).toEqual({ kind: 'help' });
    expect(parseCommandLine(['list', '-h'])).toEqual({ kind: 'help' });
    expect(parseCommandLine(['help'])).toEqual({ kind: 'help' });
    expect(parseCommandLine(['--version'])).toEqual({ kind: 'version' });
  });

  it.each([
    [['list', '--frmat', 'json'], 'unknown option --frmat (did you mean --format?)'],
    [['list', '--bogus'], 'unknown option --bogus'],
    [['list', '--format'], '--format needs a value'],
    [['list', '--mock=yes'], '--mock does not take a value'],
    [['list', '--format', 'xml'], '--format must be one of table, json, ndjson (got "xml")'],
    [['list', '--provider', 'amazon'], '--provider must be one of highlevel, shoplazza, all (got "amazon")'],
    [['list', '--max', '0'], '--max must be a whole number of at least 1 (got "0")'],
    [['list', '--max', '1.5'], '--max must be a whole number of at least 1 (got "1.5")'],
    [['list', '--page-size', 'ten'], '--page-size must be a whole number from 1 to 100 (got "ten")'],
    [['list', '--page-size', '101'], '--page-size must be a whole number from 1 to 100 (got "101")'],
    [['list', '--ids', ' , '], '--ids needs at least one value, comma-separated'],
    [['list', '--search', ' '], '--search must not be empty'],
    [[], 'missing command: the only command is `list`'],
    [['lst'], 'unknown command "lst" (did you mean list?)'],
    [['list', 'extra'], 'unexpected argument "extra"'],
    [['list', '--format', 'table', '--raw'], '--raw applies to --format json and ndjson only'],
    [
      ['list', '--updated-after', '2024-01-01'],
      '--updated-after is a Shoplazza filter: add --provider shoplazza',
    ],
    [
      ['list', '--provider', 'highlevel', '--product-id', 'p'],
      '--product-id is a Shoplazza filter: add --provider shoplazza',
    ],
    [
      ['list', '--provider', 'shoplazza', '--updated-after', '2024-06-01', '--updated-before', '2024-05-01'],
      '--updated-after must not be later than --updated-before',
    ],
    [
      ['list', '--mock', '--highlevel-base-url', 'http://127.0.0.1:1'],
      '--mock cannot be combined with --highlevel-base-url or --shoplazza-base-url',
    ],
    [
      ['list', '--highlevel-base-url', 'ftp://x'],
      '--highlevel-base-url must be an absolute http(s) URL (got "ftp://x")',
    ],
  ])('rejects %j', (argv, message) => {
    expect(usageMessage(argv)).toBe(message);
  });

  it.each(['2024-13-01', '2024-02-30', 'yesterday', '2024-05-01T25:00:00Z', '1714521600'])(
    'rejects the time %j',
    (value) => {
      expect(usageMessage(['list', '--provider', 'shoplazza', '--updated-after', value])).toMatch(
        /^--updated-after must be an ISO-8601 date or date-time/,
      );
    },
  );

  it('refuses token flags without echoing the value', () => {
    const message = usageMessage(['list', '--highlevel-token=s3cr3t-value']);
    expect(message).toBe(
      '--highlevel-token is not accepted: tokens are read only from HIGHLEVEL_TOKEN and SHOPLAZZA_TOKEN, so they never land in shell history',
    );
    expect(usageMessage(['list', '--token', 'x'])).toMatch(/^--token is not accepted/);
    expect(usageMessage(['list', '--shoplazza-access-token', 'x'])).toMatch(
      /^--shoplazza-access-token is not accepted/,
    );
  });

  it('refuses a base URL that carries credentials, without echoing them', () => {
    const message = usageMessage(['list', '--highlevel-base-url', 'https://user:hunter2@example.com']);
    expect(message).not.toContain('hunter2');
    expect(message).toMatch(/must not contain a user name or password/);
  });
});
