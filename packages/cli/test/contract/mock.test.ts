import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli';

interface Row {
  provider: string;
  id: string;
  raw?: unknown;
}

// The newcomer path: no credentials at all, so the CLI starts both sandboxes (behind validating Prism proxies)
// and pages through 240 + 180 collections over real HTTP.
describe('list against the built-in sandboxes', () => {
  it('--mock --format table: the demo command, aligned rows for every collection and a summary', async () => {
    const result = await runCli(['list', '--mock', '--provider', 'all', '--format', 'table']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^PROVIDER +ID +TITLE +HANDLE +UPDATED \(UTC\)$/);
    const rows = lines.slice(1);
    expect(rows.filter((line) => line.startsWith('highlevel '))).toHaveLength(240);
    expect(rows.filter((line) => line.startsWith('shoplazza '))).toHaveLength(180);
    expect(rows).toHaveLength(420);
    // Columns line up: every row's id column starts where the header's does.
    const idColumn = lines[0]!.indexOf(' ID ') + 1;
    for (const row of rows) expect(row.slice(idColumn - 2, idColumn)).toBe('  ');
    const stderr = result.stderr.trimEnd().split('\n');
    expect(stderr[0]).toMatch(
      /^--mock: listing 240 HighLevel and 180 Shoplazza sample collections from local sandboxes/,
    );
    expect(stderr.at(-1)).toMatch(/^240 HighLevel \+ 180 Shoplazza collections, 3 \+ 2 pages, \d+\.\d s/);
    // Progress is for terminals only: piped stderr has no carriage returns.
    expect(result.stderr).not.toContain('\r');
  });

  it('no credentials + ndjson: says so on stderr and prints one collection per line, without raw', async () => {
    const result = await runCli(['list', '--format', 'ndjson']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      'No credentials: HIGHLEVEL_TOKEN and SHOPLAZZA_TOKEN are not set, so this lists 240 HighLevel and 180 Shoplazza sample collections',
    );
    const rows = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Row);
    expect(rows).toHaveLength(420);
    expect(new Set(rows.map((row) => `${row.provider}:${row.id}`)).size).toBe(420);
    // HighLevel first, then Shoplazza.
    expect(rows[0]?.provider).toBe('highlevel');
    expect(rows[239]?.provider).toBe('highlevel');
    expect(rows[240]?.provider).toBe('shoplazza');
    expect(rows.every((row) => row.raw === undefined)).toBe(true);
  });

  it('json --raw --provider shoplazza: one parseable array with the raw items', async () => {
    const result = await runCli(['list', '--mock', '--provider', 'shoplazza', '--format', 'json', '--raw']);
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout) as Row[];
    expect(rows).toHaveLength(180);
    expect(rows.every((row) => row.provider === 'shoplazza')).toBe(true);
    expect(rows[0]?.raw).toMatchObject({ id: rows[0]?.id });
    expect(result.stderr.trimEnd().split('\n').at(-1)).toMatch(/^180 Shoplazza collections, 2 pages, /);
  });

  it('filters reach the sandbox: --search narrows the listing', async () => {
    const all = await runCli(['list', '--mock', '--provider', 'highlevel', '--format', 'ndjson']);
    const titles = all.stdout
      .trimEnd()
      .split('\n')
      .map((line) => (JSON.parse(line) as { title: string }).title);
    const word = titles[0]!.split(' ')[0]!;
    const expected = titles.filter((title) => title.toLowerCase().includes(word.toLowerCase()));
    const result = await runCli([
      'list',
      '--mock',
      '--provider',
      'highlevel',
      '--format',
      'ndjson',
      '--search',
      word,
    ]);
    expect(result.code).toBe(0);
    const found = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => (JSON.parse(line) as { title: string }).title);
    expect(found).toEqual(expected);
    expect(found.length).toBeLessThan(240);
  });
});
