import { describe, expect, it } from 'vitest';
import { createFormatter } from '../../src/format/create-formatter';
import type { Formatter } from '../../src/format/formatter';
import { formatUpdated, tableLayout } from '../../src/format/table';
import { fitToWidth, sanitize, textWidth } from '../../src/format/text-width';
import { highLevelCollection, shoplazzaCollection } from './fixtures';

function render(formatter: Formatter, items: ReturnType<typeof highLevelCollection>[]): string {
  return formatter.header() + items.map((item) => formatter.item(item)).join('') + formatter.footer();
}

describe('json', () => {
  const json = (raw: boolean) => createFormatter({ format: 'json', raw, shoplazza: true });

  it('streams one parseable array, one collection per line, without raw by default', () => {
    const text = render(json(false), [highLevelCollection(), shoplazzaCollection()]);
    const lines = text.split('\n');
    expect(lines[0]).toBe('[');
    expect(lines).toHaveLength(5);
    const parsed = JSON.parse(text) as Record<string, unknown>[];
    expect(parsed.map((c) => c.id)).toEqual([
      '6578278e879ad2646715ba01',
      '0f8fad5b-d9cb-469f-a165-70867728950e',
    ]);
    expect(parsed[0]).not.toHaveProperty('raw');
    expect(parsed[1]).toMatchObject({
      provider: 'shoplazza',
      title: '夏季新品 Summer arrivals',
      smart: false,
    });
  });

  it('includes raw with --raw', () => {
    const parsed = JSON.parse(render(json(true), [highLevelCollection()])) as Record<string, unknown>[];
    expect(parsed[0]?.raw).toEqual({
      _id: '6578278e879ad2646715ba01',
      name: 'Summer Sale',
      slug: 'summer-sale',
    });
  });

  it('an empty listing is []', () => {
    expect(render(json(false), [])).toBe('[]\n');
  });
});

describe('ndjson', () => {
  it('writes one JSON object per line', () => {
    const text = render(createFormatter({ format: 'ndjson', raw: false, shoplazza: true }), [
      highLevelCollection(),
      shoplazzaCollection(),
    ]);
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines.map((line) => (JSON.parse(line) as { provider: string }).provider)).toEqual([
      'highlevel',
      'shoplazza',
    ]);
    expect(text).not.toContain('"raw"');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('an empty listing prints nothing', () => {
    expect(render(createFormatter({ format: 'ndjson', raw: true, shoplazza: false }), [])).toBe('');
  });
});

describe('table', () => {
  it('aligns columns and shows updated times in UTC', () => {
    const text = render(createFormatter({ format: 'table', raw: false, shoplazza: true }), [
      highLevelCollection(),
      shoplazzaCollection(),
    ]);
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^PROVIDER {3}ID {36}TITLE {37}HANDLE {28}UPDATED \(UTC\)$/);
    expect(lines[1]).toMatch(/^highlevel {2}6578278e879ad2646715ba01 {14}Summer Sale {31}summer-sale {23}—$/);
    expect(lines[2]).toContain('2024-05-02 02:20');
    // Every column starts at the same cell in every row, CJK titles included.
    const handleColumn = textWidth(lines[0]!.slice(0, lines[0]!.indexOf('HANDLE')));
    for (const line of lines.slice(1)) {
      const handleAt = line.indexOf(line.includes('summer-sale') ? 'summer-sale' : 'summer-arrivals');
      expect(textWidth(line.slice(0, handleAt))).toBe(handleColumn);
    }
  });

  it('truncates long values with an ellipsis and strips control characters', () => {
    const formatter = createFormatter({ format: 'table', raw: false, shoplazza: false });
    const line = formatter.item(
      highLevelCollection({ title: `Evil\x1b[31m title ${'x'.repeat(80)}`, handle: 'h' }),
    );
    expect(line).not.toContain('\x1b');
    expect(line).toContain('Evil [31m title xxx');
    expect(line).toContain('…');
  });

  it('narrows the id column when only HighLevel is listed, and fits the terminal', () => {
    expect(tableLayout({ shoplazza: false }).id).toBe(24);
    expect(tableLayout({ shoplazza: true }).id).toBe(36);
    const layout = tableLayout({ shoplazza: true, terminalColumns: 120 });
    const total = layout.provider + layout.id + layout.title + layout.handle + layout.updated + 8;
    expect(total).toBeLessThanOrEqual(120);
    expect(layout.title).toBeGreaterThan(layout.handle);
    // HighLevel only on 80 columns: everything fits.
    const narrow = tableLayout({ shoplazza: false, terminalColumns: 80 });
    expect(
      narrow.provider + narrow.id + narrow.title + narrow.handle + narrow.updated + 8,
    ).toBeLessThanOrEqual(80);
    // Too narrow for columns: short title and handle, ids whole.
    expect(tableLayout({ shoplazza: true, terminalColumns: 80 })).toEqual({
      provider: 9,
      id: 36,
      title: 20,
      handle: 12,
      updated: 16,
    });
    expect(tableLayout({ shoplazza: true })).toMatchObject({ title: 40, handle: 32 });
  });

  it('formats updated times', () => {
    expect(formatUpdated(undefined)).toBe('—');
    expect(formatUpdated('2024-05-02T10:20:30+08:00')).toBe('2024-05-02 02:20');
    expect(formatUpdated('not a date')).toBe('not a date');
  });
});

describe('text width', () => {
  it('counts CJK as two cells and combining marks as none', () => {
    expect(textWidth('夏季')).toBe(4);
    expect(textWidth('e\u0301')).toBe(1);
    expect(fitToWidth('夏季新品', 5)).toBe('夏季…');
    expect(textWidth(fitToWidth('夏季新品', 5))).toBe(5);
    expect(fitToWidth('abc', 5)).toBe('abc  ');
    expect(fitToWidth('abcdef', 4)).toBe('abc…');
  });

  it('sanitizes control and bidi characters', () => {
    expect(sanitize('a\nb\t\u202ec\u0007')).toBe('a b c');
  });
});
