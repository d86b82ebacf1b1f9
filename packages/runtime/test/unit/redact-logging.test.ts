import { afterEach, describe, expect, it, vi } from 'vitest';
import { consoleLogger, redactHeaders, redactUrl } from '../../src/internal';

describe('redactHeaders', () => {
  it('redacts credential headers whatever their case, and keeps the rest', () => {
    const headers = new Headers({
      Authorization: 'Bearer abc',
      'Access-Token': 'abc',
      Cookie: 'a=b',
      'Proxy-Authorization': 'Basic abc',
      Version: '2021-07-28',
      Accept: 'application/json',
    });
    expect(redactHeaders(headers)).toEqual({
      authorization: '[redacted]',
      'access-token': '[redacted]',
      cookie: '[redacted]',
      'proxy-authorization': '[redacted]',
      version: '2021-07-28',
      accept: 'application/json',
    });
  });

  it('takes plain records and entry lists', () => {
    expect(redactHeaders({ 'Set-Cookie': 'x', 'request-id': 'r' })).toEqual({
      'set-cookie': '[redacted]',
      'request-id': 'r',
    });
    expect(redactHeaders([['AUTHORIZATION', 'x']])).toEqual({ authorization: '[redacted]' });
  });
});

describe('redactUrl', () => {
  it.each([
    ['https://user:pw@api.example.com/x?limit=1', 'https://api.example.com/x?limit=1'],
    [
      'https://api.example.com/x?access_token=a&limit=1&token=b&ACCESS-TOKEN=c',
      'https://api.example.com/x?limit=1',
    ],
    ['https://api.example.com/x?client_secret=s&refresh_token=r', 'https://api.example.com/x'],
    ['https://api.example.com/x?ids=1%2C2&name=a+b', 'https://api.example.com/x?ids=1%2C2&name=a+b'],
    ['https://api.example.com/x', 'https://api.example.com/x'],
  ])('%s → %s', (input, expected) => {
    expect(redactUrl(input)).toBe(expected);
  });

  it('keeps the query untouched when nothing is secret (byte for byte)', () => {
    const url = 'https://api.example.com/x?ids=a,b&updated_at_min=2024-01-01T00:00:00Z';
    expect(redactUrl(url)).toBe(url);
  });

  it('drops the query and userinfo of an unparseable URL', () => {
    expect(redactUrl('//user:pw@host/path?token=x')).toBe('//host/path');
  });
});

describe('consoleLogger', () => {
  afterEach(() => vi.restoreAllMocks());

  it('filters by level', () => {
    const calls: string[] = [];
    for (const method of ['debug', 'info', 'warn', 'error'] as const) {
      vi.spyOn(console, method).mockImplementation((msg: string) => calls.push(`${method}:${msg}`));
    }
    const logger = consoleLogger('warn');
    logger.debug('d');
    logger.info('i');
    logger.warn('w', { a: 1 });
    logger.error('e');
    expect(calls).toEqual(['warn:w', 'error:e']);
    calls.length = 0;
    const silent = consoleLogger('silent');
    silent.error('e');
    expect(calls).toEqual([]);
    consoleLogger().info('i');
    expect(calls).toEqual(['info:i']);
  });
});
