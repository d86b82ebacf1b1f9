import { describe, expect, it } from 'vitest';
import { checkReport, summaryTable } from '../../src/lib/report.mjs';
import { check, roundRatio } from '../../src/lib/result.mjs';

// What `pnpm bench --check` and the README table say about the targets: a report, so it must say it right.
describe('targets', () => {
  it('check: met, missed, or n/a when a figure is missing', () => {
    expect(check('a', 1.02, '<=', 1.03, '≤ 1.03×').met).toBe(true);
    expect(check('a', 1.04, '<=', 1.03, '≤ 1.03×').met).toBe(false);
    expect(check('a', 2.4, '>=', 2.3, '≥ 2.3×').met).toBe(true);
    expect(check('a', undefined, '<=', 1, '≤ 1').met).toBeUndefined();
    expect(check('a', Number.NaN, '<=', 1, '≤ 1').met).toBeUndefined();
  });

  it('roundRatio: the median of per-round ratios, not the ratio of medians', () => {
    const group = {
      variants: [
        { name: 'a', rounds: [10, 30, 20] },
        { name: 'b', rounds: [10, 10, 40] },
      ],
    };
    // Per round: 1, 3, 0.5 → median 1 (the ratio of medians would be 20/10 = 2).
    expect(roundRatio(group, 'a', 'b')).toBe(1);
    const even = {
      variants: [
        { name: 'a', rounds: [1, 2, 3, 4] },
        { name: 'b', rounds: [1, 1, 1, 1] },
      ],
    };
    expect(roundRatio(even, 'a', 'b')).toBe(2.5);
    expect(roundRatio(group, 'a', 'missing')).toBeUndefined();
  });

  const results = {
    benchmarks: [
      {
        id: 'B3',
        title: 'Latency',
        checks: [
          check('facade / raw fetch', 1.0126, '<=', 1.01, '≤ 1.01×'),
          check('client / raw fetch', 1.0004, '<=', 1.01, '≤ 1.01×', 'informative'),
        ],
      },
      { id: 'B9', title: 'Types', error: 'tsc not found\nstack…' },
    ],
  };

  it('a ratio near 1 prints three decimals, so a miss by 0.3 % does not read as "1.01 vs ≤ 1.01"', () => {
    const report = checkReport(results);
    expect(report).toContain('B3  MISSED  facade / raw fetch: 1.013 (target ≤ 1.01×)');
    expect(report).toContain('B3  met     client / raw fetch: 1.000 (target ≤ 1.01×) — informative');
    expect(report).toContain('B9  CRASHED  tsc not found');
  });

  it('the README table leaves informative rows out and marks a crash', () => {
    const table = summaryTable(results);
    expect(table).toContain('| B3 | Latency | facade / raw fetch | 1.013 | ≤ 1.01× | **missed** |');
    expect(table).not.toContain('client / raw fetch');
    expect(table).toContain('| B9 | Types | crashed | | | |');
  });
});
