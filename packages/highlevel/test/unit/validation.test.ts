import { describe, expect, it } from 'vitest';
import { createHighLevelClient, type HighLevelClientOptions, ValidationError } from '../../src/index';
import { LOCATION, PAGE, TOKEN } from './fixtures';
import { json, recorder } from './helpers';

function expectValidation(run: () => unknown, option: string, rule: RegExp): ValidationError {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ValidationError);
  const error = caught as ValidationError;
  expect(error.option).toBe(option);
  expect(error.rule).toMatch(rule);
  expect(error.message).toContain(`"${option}"`);
  expect(error.attempts).toBe(0);
  return error;
}

describe('HighLevel client options validation', () => {
  const base = (): HighLevelClientOptions => ({
    token: TOKEN,
    locationId: LOCATION,
    fetch: recorder(json(PAGE)).fetch,
  });

  const bad: [string, Partial<Record<keyof HighLevelClientOptions, unknown>>, string, RegExp][] = [
    ['an empty token', { token: '' }, 'token', /visible ASCII/],
    ['a token with a space', { token: 'abc def' }, 'token', /visible ASCII/],
    ['a token with a line break', { token: 'abc\r\nX-Evil: 1' }, 'token', /visible ASCII/],
    ['a numeric token', { token: 42 }, 'token', /string or a function/],
    ['a missing token', { token: undefined }, 'token', /string or a function/],
    ['an empty location id', { locationId: '' }, 'locationId', /non-empty string/],
    ['a location id with a line break', { locationId: 'loc\n1' }, 'locationId', /control characters/],
    ['a location id with a lone surrogate', { locationId: 'loc\uD800' }, 'locationId', /lone surrogates/],
    ['a numeric location id', { locationId: 123 }, 'locationId', /non-empty string/],
    ['a plain-http base URL', { baseUrl: 'http://services.leadconnectorhq.com' }, 'baseUrl', /https/],
    ['a relative base URL', { baseUrl: '/api' }, 'baseUrl', /absolute URL/],
    ['a base URL with a query', { baseUrl: 'https://example.com/?x=1' }, 'baseUrl', /query/],
    [
      'a base URL with credentials',
      { baseUrl: 'https://user:pw@example.com' },
      'baseUrl',
      /user name or password/,
    ],
    ['a fetch that is not a function', { fetch: 'fetch' }, 'fetch', /function/],
    ['a rate limit of 0', { rateLimit: { limit: 0, intervalMs: 1000 } }, 'rateLimit.limit', /at least 1/],
    [
      'a fractional rate interval',
      { rateLimit: { limit: 10, intervalMs: 1.5 } },
      'rateLimit.intervalMs',
      /integer/,
    ],
    ['a rate limit that is true', { rateLimit: true }, 'rateLimit', /false/],
    ['a timeout of 0', { timeoutMs: 0 }, 'timeoutMs', /at least 1|from 1/],
    ['a negative retry count', { retry: { maxRetries: -1 } }, 'retry.maxRetries', /from 0/],
    ['a maxBodyBytes of 0', { maxBodyBytes: 0 }, 'maxBodyBytes', /at least 1/],
  ];
  it.each(bad)('refuses %s', (_label, override, option, rule) => {
    const options = { ...base(), ...override } as HighLevelClientOptions;
    const error = expectValidation(() => createHighLevelClient(options), option, rule);
    expect(error.operation).toBe('createClient');
  });

  it('refuses options that are not an object', () => {
    expectValidation(
      () => createHighLevelClient(null as unknown as HighLevelClientOptions),
      'options',
      /object/,
    );
  });

  it('never echoes a bad token in the error', () => {
    const secret = 'secret token with spaces';
    const error = expectValidation(
      () => createHighLevelClient({ ...base(), token: secret }),
      'token',
      /ASCII/,
    );
    expect(String(error)).not.toContain('secret');
    expect(JSON.stringify(error)).not.toContain('secret');
  });
});

describe('HighLevel listCollections parameter validation', () => {
  const bad: [string, unknown, string, RegExp][] = [
    ['limit 0', { limit: 0 }, 'limit', /integer of at least 1/],
    ['a fractional limit', { limit: 2.5 }, 'limit', /integer/],
    ['a string limit', { limit: '10' }, 'limit', /integer/],
    ['a NaN limit', { limit: Number.NaN }, 'limit', /integer/],
    ['an infinite limit', { limit: Number.POSITIVE_INFINITY }, 'limit', /integer/],
    ['a negative offset', { offset: -1 }, 'offset', /integer of at least 0/],
    ['an empty id list', { collectionIds: [] }, 'collectionIds', /non-empty array/],
    ['an id list given as a string', { collectionIds: 'a,b' }, 'collectionIds', /non-empty array/],
    ['an id with a comma', { collectionIds: ['a', 'b,c'] }, 'collectionIds[1]', /without commas/],
    ['an id with a space', { collectionIds: ['a b'] }, 'collectionIds[0]', /whitespace/],
    ['an empty id', { collectionIds: [''] }, 'collectionIds[0]', /non-empty/],
    ['a numeric id', { collectionIds: [12] }, 'collectionIds[0]', /string/],
    ['an empty name', { name: '' }, 'name', /non-empty/],
    ['a name with CR/LF', { name: 'a\r\nb' }, 'name', /control characters/],
    ['a name with a NUL', { name: 'a\u0000b' }, 'name', /control characters/],
    ['a name of 256 characters', { name: 'x'.repeat(256) }, 'name', /at most 255/],
    ['an unknown parameter', { collectionIDs: ['a'] }, 'collectionIDs', /not a parameter/],
    ['altId given as a parameter', { altId: 'other' }, 'altId', /not a parameter/],
    ['params that are a string', 'limit=10', 'params', /object/],
    ['params that are an array', [], 'params', /object/],
  ];
  it.each(bad)('refuses %s before any request', async (_label, params, option, rule) => {
    const rec = recorder(json(PAGE));
    const client = createHighLevelClient({ token: TOKEN, locationId: LOCATION, fetch: rec.fetch });
    const error = await client.listCollections(params as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ option, operation: 'listCollections', provider: 'highlevel', attempts: 0 });
    expect((error as ValidationError).rule).toMatch(rule);
    expect(rec.requests).toHaveLength(0);
  });

  it('accepts a name of exactly 255 characters (emoji count as one)', async () => {
    const rec = recorder(json(PAGE));
    const client = createHighLevelClient({
      token: TOKEN,
      locationId: LOCATION,
      fetch: rec.fetch,
      rateLimit: false,
    });
    await client.listCollections({ name: '🎉'.repeat(255) });
    expect(rec.requests).toHaveLength(1);
  });

  const badOptions: [string, unknown, string, RegExp][] = [
    ['a signal that is not an AbortSignal', { signal: { aborted: false } }, 'signal', /AbortSignal/],
    ['a timeout of 0', { timeoutMs: 0 }, 'timeoutMs', /1/],
    ['a retry count above 10', { retry: { maxRetries: 11 } }, 'retry.maxRetries', /from 0 to 10/],
    ['options that are a number', 5, 'options', /object/],
  ];
  it.each(badOptions)(
    'refuses request options with %s before any request',
    async (_label, options, option, rule) => {
      const rec = recorder(json(PAGE));
      const client = createHighLevelClient({
        token: TOKEN,
        locationId: LOCATION,
        fetch: rec.fetch,
        rateLimit: false,
      });
      const error = await client.listCollections({}, options as never).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ option });
      expect((error as ValidationError).rule).toMatch(rule);
      expect(rec.requests).toHaveLength(0);
    },
  );
});
