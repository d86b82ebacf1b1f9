import { describe, expect, it } from 'vitest';
import {
  validateBaseUrl,
  validateDateTime,
  validateIdList,
  validateInteger,
  validateSearchText,
  validateToken,
} from '../../src/internal';
import { rejection } from './helpers';

const context = { provider: 'shoplazza' as const, operation: 'listCollections' };

describe('validateInteger(value, "limit", 1, 100)', () => {
  it.each([1, 50, 100])('accepts %s', (value) => {
    expect(validateInteger(value, 'limit', 1, 100)).toBe(value);
  });

  it.each([
    [0, '0'],
    [-1, '-1'],
    [101, '101'],
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
    [1e9, '1000000000'],
    [1.5, '1.5'],
    ['10', '"10"'],
    [null, 'null'],
    [undefined, 'undefined'],
    [10n, '10'],
  ])('rejects %s, echoing it', (value, shown) => {
    const error = rejection(() => validateInteger(value, 'limit', 1, 100, context));
    expect(error.message).toBe(`Invalid option "limit": must be an integer from 1 to 100 (got ${shown})`);
    expect(error).toMatchObject({
      option: 'limit',
      rule: 'must be an integer from 1 to 100',
      ...context,
      attempts: 0,
    });
  });

  it('without max, names only the minimum, and refuses unsafe integers', () => {
    expect(validateInteger(1e9, 'skip', 0)).toBe(1e9);
    expect(rejection(() => validateInteger(-1, 'skip', 0)).message).toBe(
      'Invalid option "skip": must be an integer of at least 0 (got -1)',
    );
    expect(rejection(() => validateInteger(2 ** 53, 'skip', 0)).option).toBe('skip');
  });

  it('defaults the context to createClient', () => {
    expect(rejection(() => validateInteger(0, 'limit', 1))).toMatchObject({ operation: 'createClient' });
  });
});

describe('validateToken', () => {
  it.each(['pit-0f1e2d3c', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig', 'a'])('accepts %s', (token) => {
    expect(() => validateToken(token)).not.toThrow();
  });

  it.each([
    ['', 'empty'],
    ['tok en', 'space'],
    ['tok\r\nX-Evil: 1', 'CR/LF'],
    ['tokén', 'non-ASCII'],
    ['tok\u0000', 'NUL'],
    [123, 'number'],
    [undefined, 'missing'],
  ])('rejects %j (%s) without echoing it', (token, _label) => {
    const error = rejection(() => validateToken(token, 'token', context));
    expect(error.message).toBe(
      'Invalid option "token": must be a non-empty string of visible ASCII characters (no spaces or line breaks)',
    );
    expect(error.option).toBe('token');
    if (typeof token === 'string' && token.length > 0) expect(JSON.stringify(error)).not.toContain(token);
  });
});

describe('validateBaseUrl', () => {
  it.each([
    ['https://services.leadconnectorhq.com', 'https://services.leadconnectorhq.com/'],
    ['https://shop.myshoplaza.com/openapi/2022-01', 'https://shop.myshoplaza.com/openapi/2022-01'],
    ['http://localhost:4010', 'http://localhost:4010/'],
    ['http://127.0.0.1:8080/base', 'http://127.0.0.1:8080/base'],
    ['http://127.255.0.9', 'http://127.255.0.9/'],
    ['http://[::1]:3000', 'http://[::1]:3000/'],
  ])('accepts %s', (value, href) => {
    expect(validateBaseUrl(value).href).toBe(href);
  });

  it('accepts a URL object', () => {
    expect(validateBaseUrl(new URL('https://a.example')).href).toBe('https://a.example/');
  });

  it.each([
    ['http://example.com', 'must use https'],
    ['http://10.0.0.1', 'must use https'],
    ['http://localhost.evil.com', 'must use https'],
    ['ftp://example.com', 'must use https'],
    ['https://example.com?x=1', 'must not contain a query string'],
    ['https://example.com/?', 'must not contain a query string'],
    ['https://example.com#frag', 'must not contain a fragment'],
    ['example.com', 'must be an absolute URL'],
    ['/relative', 'must be an absolute URL'],
    ['', 'must be an absolute URL string'],
    ['https://exa\nmple.com', 'must not contain whitespace or control characters'],
    [' https://example.com', 'must not contain whitespace or control characters'],
    [42, 'must be an absolute URL string'],
  ])('rejects %j: %s', (value, rule) => {
    const error = rejection(() => validateBaseUrl(value));
    expect(error.option).toBe('baseUrl');
    expect(error.rule.startsWith(rule)).toBe(true);
  });

  it('rejects userinfo without echoing the credentials', () => {
    const error = rejection(() => validateBaseUrl('https://user:hunter2@example.com'));
    expect(error.rule).toBe('must not contain a user name or password');
    expect(error.message).not.toContain('hunter2');
  });
});

describe('validateDateTime', () => {
  it.each([
    ['2024-01-31T23:59:59Z', '2024-01-31T23:59:59Z'],
    ['2024-01-31t23:59:59z', '2024-01-31T23:59:59Z'],
    ['2024-02-01T01:30:00+02:00', '2024-01-31T23:30:00Z'],
    ['2024-01-31T20:00:00-05:30', '2024-02-01T01:30:00Z'],
    ['2024-02-29T12:00:00.987Z', '2024-02-29T12:00:00Z'],
    ['0050-06-01T00:00:00Z', '0050-06-01T00:00:00Z'],
  ])('normalises %s to %s', (value, expected) => {
    expect(validateDateTime(value, 'updatedAtMin')).toBe(expected);
  });

  it('accepts a Date', () => {
    expect(validateDateTime(new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 600)), 'updatedAtMin')).toBe(
      '2024-01-02T03:04:05Z',
    );
  });

  it.each([
    '2024-01-31T23:59:59',
    '2024-01-31 23:59:59Z',
    '2024-01-31',
    '2024-13-01T00:00:00Z',
    '2023-02-29T00:00:00Z',
    '2024-01-31T24:00:00Z',
    '2024-01-31T23:60:00Z',
    '2024-01-31T23:59:60Z',
    '2024-01-31T23:59:59+24:00',
    '2024-01-31T23:59:59+0200',
    '2024-01-31T23:59:59Z\n',
    '１２３４-01-31T23:59:59Z',
    '',
    1706745599000,
    new Date(Number.NaN),
    null,
  ])('rejects %j', (value) => {
    const error = rejection(() => validateDateTime(value, 'updatedAtMin', context));
    expect(error.option).toBe('updatedAtMin');
    expect(error.message).not.toContain('\n');
  });
});

describe('validateIdList', () => {
  it('accepts ids', () => {
    expect(validateIdList(['a1', 'b-2', '3_c'], 'ids')).toEqual(['a1', 'b-2', '3_c']);
  });

  it.each([
    [[], 'ids'],
    ['a,b', 'ids'],
    [['a', ''], 'ids[1]'],
    [['a,b'], 'ids[0]'],
    [['a b'], 'ids[0]'],
    [['a\r\n'], 'ids[0]'],
    [['a', 1], 'ids[1]'],
    [['\u0085'], 'ids[0]'],
  ])('rejects %j at %s', (value, option) => {
    expect(rejection(() => validateIdList(value, 'ids')).option).toBe(option);
  });
});

describe('validateSearchText', () => {
  it.each(['shoes', 'Été 2024', '鞋子', '👟 sale', "O'Brien & co"])('accepts %s', (value) => {
    expect(validateSearchText(value, 'name')).toBe(value);
  });

  it.each([
    ['', 'must be a non-empty string'],
    ['a\r\nb', 'must not contain control characters'],
    ['tab\there', 'must not contain control characters'],
    ['\ud800', 'must not contain control characters'],
    [5, 'must be a non-empty string'],
  ])('rejects %j', (value, rule) => {
    const error = rejection(() => validateSearchText(value, 'name'));
    expect(error.rule.startsWith(rule)).toBe(true);
    expect(error.message).not.toMatch(/[\r\n]/);
  });

  it('caps the length in characters (code points)', () => {
    expect(validateSearchText('👟'.repeat(255), 'name')).toHaveLength(510);
    expect(rejection(() => validateSearchText('a'.repeat(256), 'name')).rule).toBe(
      'must be at most 255 characters',
    );
    expect(rejection(() => validateSearchText('abcd', 'name', undefined, 3)).rule).toBe(
      'must be at most 3 characters',
    );
  });
});
