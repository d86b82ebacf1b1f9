import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyBaseline, type BaselineEntry, loadBaseline } from '../../src/verify/baseline';
import type { Finding } from '../../src/verify/findings';

const directory = mkdtempSync(join(tmpdir(), 'contract-baseline-'));
function file(content: string): string {
  const path = join(directory, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, content);
  return path;
}

const finding = (location: string, message = 'm'): Finding => ({
  operation: 'listCollections',
  location,
  message,
  code: 'type',
  severity: 'Error',
  requests: ['default'],
});
const entry = (location: string, expires: string, message?: string): BaselineEntry => ({
  operation: 'listCollections',
  location,
  expires,
  reason: 'r',
  ...(message === undefined ? {} : { message }),
});
const today = new Date('2026-11-21T12:00:00Z');

describe('loadBaseline', () => {
  it('reads valid entries', () => {
    const entries = [{ operation: 'o', location: 'l', message: 'm', expires: '2026-12-01', reason: 'r' }];
    expect(loadBaseline(file(JSON.stringify(entries)))).toEqual(entries);
  });

  it.each([
    ['{}', 'expected a JSON array'],
    ['nope', 'cannot read JSON'],
    [
      '[{"location":"l","expires":"2026-01-01","reason":"r"}]',
      'entry 0 needs a non-empty string "operation"',
    ],
    [
      '[{"operation":"o","location":"l","expires":"2026-13-45","reason":"r"}]',
      'entry 0 "expires" must be a date',
    ],
    [
      '[{"operation":"o","location":"l","expires":"2026-01-01"}]',
      'entry 0 needs a non-empty string "reason"',
    ],
  ])('refuses %s', (content, message) => {
    expect(() => loadBaseline(file(content))).toThrow(message);
  });
});

describe('applyBaseline', () => {
  it('suppresses matches of live entries, keeps the rest fresh, and lists unused entries', () => {
    const outcome = applyBaseline(
      [finding('response.body.total'), finding('response.body.data[*]', "required property 'name'")],
      [entry('response.body.total', '2026-11-21'), entry('response.body.other', '2027-01-01')],
      today,
    );
    expect(outcome.suppressed.map((item) => item.finding.location)).toEqual(['response.body.total']);
    expect(outcome.fresh.map((item) => item.location)).toEqual(['response.body.data[*]']);
    expect(outcome.unused.map((item) => item.location)).toEqual(['response.body.other']);
    expect(outcome.expired).toEqual([]);
  });

  it('treats the expiry day as inclusive and the day after as expired', () => {
    const outcome = applyBaseline([finding('a')], [entry('a', '2026-11-20')], today);
    expect(outcome.expired.map((item) => item.expires)).toEqual(['2026-11-20']);
    expect(outcome.fresh).toHaveLength(1);
  });

  it('requires the message substring when the entry names one', () => {
    const outcome = applyBaseline(
      [finding('a', 'total must be integer')],
      [entry('a', '2027-01-01', 'string')],
      today,
    );
    expect(outcome.fresh).toHaveLength(1);
  });
});
