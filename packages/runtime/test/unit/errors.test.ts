import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  AbortedError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  CommerceCollectionsError,
  ConnectionError,
  createApiError,
  InvalidResponseError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  TimeoutError,
  UnprocessableEntityError,
  ValidationError,
} from '../../src/internal';

const base = { provider: 'highlevel', label: 'HighLevel', operation: 'listCollections', attempts: 1 };

describe('createApiError', () => {
  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, ServerError],
    [503, ServerError],
    [599, ServerError],
    [409, ApiError],
    [418, ApiError],
  ])('maps %i to %o', (status, ErrorClass) => {
    const error = createApiError({ ...base, status });
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(CommerceCollectionsError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(ErrorClass.name);
    expect(error.status).toBe(status);
  });

  it('does not confuse siblings', () => {
    const error = createApiError({ ...base, status: 404 });
    expect(error).not.toBeInstanceOf(AuthenticationError);
    expect(error).not.toBeInstanceOf(ServerError);
    expect(new TimeoutError({ ...base, timeoutMs: 1 })).not.toBeInstanceOf(ApiError);
    expect(new Error('x')).not.toBeInstanceOf(CommerceCollectionsError);
    expect(null).not.toBeInstanceOf(CommerceCollectionsError);
  });

  it('keeps ordinary instanceof for subclasses defined outside the package', () => {
    class MyError extends ApiError {}
    expect(new MyError({ ...base, status: 400 })).toBeInstanceOf(MyError);
    expect(new MyError({ ...base, status: 400 })).toBeInstanceOf(ApiError);
    expect(createApiError({ ...base, status: 400 })).not.toBeInstanceOf(MyError);
  });

  it('writes one clear line', () => {
    const error = createApiError({
      ...base,
      status: 401,
      messages: ['Invalid token: access token is invalid'],
      requestId: 'abc',
    });
    expect(error.message).toBe(
      'HighLevel listCollections failed: 401 Unauthorized — Invalid token: access token is invalid (request id abc)',
    );
    const multi = createApiError({
      ...base,
      provider: 'shoplazza',
      label: 'Shoplazza',
      status: 422,
      messages: ['a\nb', 'c'],
    });
    expect(multi.message).toBe('Shoplazza listCollections failed: 422 Unprocessable Entity — a b; c');
    expect(createApiError({ ...base, status: 418 }).message).toBe(
      "HighLevel listCollections failed: 418 I'm a Teapot",
    );
  });

  it('carries retryAfterMs on RateLimitError and ServerError', () => {
    const error = createApiError({ ...base, status: 429, retryAfterMs: 2000 }) as RateLimitError;
    expect(error.retryAfterMs).toBe(2000);
    expect(error.toJSON()).toMatchObject({ name: 'RateLimitError', retryAfterMs: 2000, status: 429 });
  });
});

describe('other errors', () => {
  it('names its class and fields', () => {
    const cases: [CommerceCollectionsError, string, string][] = [
      [
        new ConnectionError({ ...base, cause: new TypeError('fetch failed') }),
        'ConnectionError',
        'connection error — fetch failed',
      ],
      [new TimeoutError({ ...base, timeoutMs: 30_000 }), 'TimeoutError', 'timed out after 30000 ms'],
      [new AbortedError(base), 'AbortedError', 'aborted by the caller'],
      [
        new InvalidResponseError({ ...base, reason: 'json', field: 'collections' }),
        'InvalidResponseError',
        'invalid response (json at collections)',
      ],
    ];
    for (const [error, name, text] of cases) {
      expect(error.name).toBe(name);
      expect(error.message).toBe(`HighLevel listCollections failed: ${text}`);
      expect(String(error)).toBe(`${name}: ${error.message}`);
      expect(error.toJSON()).toMatchObject({
        name,
        provider: 'highlevel',
        operation: 'listCollections',
        attempts: 1,
      });
    }
  });

  it('ValidationError names the option and the rule, and attempts is 0', () => {
    const error = new ValidationError({
      ...base,
      option: 'limit',
      rule: 'must be an integer from 1 to 100',
      value: 0,
    });
    expect(error.message).toBe('Invalid option "limit": must be an integer from 1 to 100 (got 0)');
    expect(error).toMatchObject({ option: 'limit', rule: 'must be an integer from 1 to 100', attempts: 0 });
    expect(inspect(error)).toContain('Invalid option "limit"');
  });

  it('ValidationError never echoes a secret', () => {
    const token = 'pit-1234\r\nX-Injected: yes';
    const error = new ValidationError({
      ...base,
      option: 'token',
      rule: 'must be visible ASCII',
      value: token,
      secret: true,
    });
    expect(error.message).toBe('Invalid option "token": must be visible ASCII');
    for (const text of [
      error.message,
      String(error),
      JSON.stringify(error),
      inspect(error, { showHidden: true, depth: 5 }),
    ]) {
      expect(text).not.toContain('pit-1234');
    }
  });

  it('toJSON holds no headers', () => {
    const json = createApiError({ ...base, status: 400, body: { message: 'x' }, messages: ['x'] }).toJSON();
    expect(Object.keys(json).sort()).toEqual(
      [
        'attempts',
        'body',
        'message',
        'messages',
        'name',
        'operation',
        'provider',
        'requestId',
        'status',
      ].sort(),
    );
  });
});
