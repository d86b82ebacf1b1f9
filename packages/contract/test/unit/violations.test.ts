import { describe, expect, it } from 'vitest';
import { parseProblemViolations, parseViolations } from '../../src/prism/violations';

const withHeader = (value?: string) => ({
  headers: new Headers(value === undefined ? {} : { 'sl-violations': value }),
});

describe('parseViolations', () => {
  it('returns [] without the header', () => {
    expect(parseViolations(withHeader())).toEqual([]);
  });

  it('reads every field of each violation', () => {
    const header = JSON.stringify([
      {
        location: ['response', 'body', 'total'],
        severity: 'Error',
        code: 'type',
        message: 'must be integer',
      },
      { location: ['request', 'query', 'limit'], severity: 'Warning', code: 'minimum', message: '>= 1' },
    ]);
    expect(parseViolations(withHeader(header))).toEqual([
      {
        severity: 'Error',
        location: ['response', 'body', 'total'],
        message: 'must be integer',
        code: 'type',
      },
      { severity: 'Warning', location: ['request', 'query', 'limit'], message: '>= 1', code: 'minimum' },
    ]);
  });

  it('says so when Prism truncated the header', () => {
    const [violation] = parseViolations(withHeader('Too many violations! [{"location":["resp'));
    expect(violation?.code).toBe('truncated');
  });

  it('reads a problem+json body, prefixing request locations', () => {
    const body = JSON.stringify({
      validation: [{ location: ['query', 'limit'], severity: 'Error', code: 'minimum', message: 'x' }],
    });
    expect(parseProblemViolations(body)).toEqual([
      { severity: 'Error', location: ['request', 'query', 'limit'], message: 'x', code: 'minimum' },
    ]);
    expect(parseProblemViolations('{"data":[]}')).toEqual([]);
    expect(parseProblemViolations('not json')).toEqual([]);
  });
});
