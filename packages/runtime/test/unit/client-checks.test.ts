import { describe, expect, it } from 'vitest';
import { collectMessages, createTransport, readParams, validateClientOptions } from '../../src/internal';
import { json, rejection, scriptedFetch } from './helpers';

const context = { provider: 'acme', label: 'Acme', operation: 'createClient' };

describe('validateClientOptions', () => {
  it.each([
    [null, 'null'],
    ['token', '"token"'],
    [['token'], 'an array of 1'],
  ])('refuses %j as options, naming them', (options, shown) => {
    const error = rejection(() => validateClientOptions(options, context));
    expect(error.message).toBe(`Invalid option "options": must be an object (got ${shown})`);
  });

  it('refuses a token that is neither a string nor a function, without echoing it', () => {
    const error = rejection(() => validateClientOptions({ token: 1234567 }, context));
    expect(error.message).toBe('Invalid option "token": must be a string or a function returning one');
    expect(JSON.stringify(error)).not.toContain('1234567');
  });

  it('refuses a fetch that is not a function, and accepts a token function', () => {
    expect(rejection(() => validateClientOptions({ token: 't', fetch: 'x' }, context)).option).toBe('fetch');
    expect(() => validateClientOptions({ token: () => 't' }, context)).not.toThrow();
  });
});

describe('readParams', () => {
  const rules = { limit: (value: unknown) => value, title: (value: unknown) => value };

  it('refuses an unknown key, naming the known ones', () => {
    const error = rejection(() => readParams({ limit: 1, titel: 'x' }, rules, 'acme', {}));
    expect(error).toMatchObject({
      option: 'titel',
      rule: 'is not a parameter of listCollections (expected one of limit, title)',
      operation: 'listCollections',
    });
  });

  it("checks each given value by its rule, with the caller's name and operation, in the rules' order", () => {
    const seen: unknown[] = [];
    const checked = {
      title: (value: unknown) => `${value}!`,
      limit: (_value: unknown, option: string, context: object) => {
        seen.push(option, context);
        return 2;
      },
    };
    const how = { operation: 'listAll', names: { limit: 'pageSize' } };
    const valid = readParams({ limit: 1, title: undefined }, checked, 'acme', how);
    expect(valid).toEqual({ limit: 2 });
    expect(seen).toEqual(['pageSize', { provider: 'acme', operation: 'listAll' }]);
    expect(Object.keys(readParams({ limit: 1, title: 'a' }, checked, 'acme', {}))).toEqual([
      'title',
      'limit',
    ]);
  });
});

describe('collectMessages', () => {
  it('takes the fields in order, strings or lists, without repeats or empty strings', () => {
    const body = { error: 'Bad', errors: ['a', '', 'Bad', 'b', 7], message: 'm' };
    expect(collectMessages(body, ['error', 'errors', 'message'])).toEqual(['Bad', 'a', 'b', 'm']);
  });

  it('keeps a text body, trimmed, and finds nothing in other values', () => {
    expect(collectMessages('  <html>bad gateway</html>\n', ['message'])).toEqual([
      '<html>bad gateway</html>',
    ]);
    expect(collectMessages(' ', ['message'])).toEqual([]);
    expect(collectMessages(42, ['message'])).toEqual([]);
    expect(collectMessages(null, ['message'])).toEqual([]);
  });
});

describe('the transport without a provider extractor', () => {
  it.each([
    [{ message: 'm', errors: ['e'], error: 'x' }, ['m']],
    [{ errors: ['e', 'e', 'f'], error: 'x' }, ['e', 'f']],
    [{ error: ['x'] }, ['x']],
    [{ other: 'y' }, ['Unprocessable Entity']],
  ])('reads the first of message, errors, error that holds any: %j', async (body, messages) => {
    const { fetch } = scriptedFetch([json(422, body)]);
    const transport = createTransport({ provider: 'acme', fetch, retry: false });
    const call = { operation: 'listCollections', throwHttpErrors: true };
    const error = await transport
      .send(new Request('https://api.example.test/x'), call)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 422, messages });
  });
});
