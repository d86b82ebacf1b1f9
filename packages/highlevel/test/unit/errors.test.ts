import { describe, expect, it } from 'vitest';
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  CommerceCollectionsError,
  createHighLevelClient,
  type HighLevelErrorBody,
  RateLimitError,
  ServerError,
  UnprocessableEntityError,
} from '../../src/index';
import { LOCATION, PAGE, TOKEN } from './fixtures';
import { json, recorder } from './helpers';

function clientAnswering(...responses: Response[]) {
  const rec = recorder(...responses);
  const client = createHighLevelClient({
    token: TOKEN,
    locationId: LOCATION,
    fetch: rec.fetch,
    retry: false,
    rateLimit: false,
  });
  return { client, rec };
}

// The spec's examples for every declared error status.
const documented: [number, HighLevelErrorBody, abstract new (...args: never[]) => ApiError, string[]][] = [
  [400, { statusCode: 400, message: 'Bad Request' }, BadRequestError, ['Bad Request']],
  [
    401,
    { statusCode: 401, message: 'Invalid token: access token is invalid', error: 'Unauthorized' },
    AuthenticationError,
    ['Invalid token: access token is invalid', 'Unauthorized'],
  ],
  [
    422,
    {
      statusCode: 422,
      message: ['altType must be one of the following values: location', 'limit must be a number'],
      error: 'Unprocessable Entity',
    },
    UnprocessableEntityError,
    [
      'altType must be one of the following values: location',
      'limit must be a number',
      'Unprocessable Entity',
    ],
  ],
  [
    429,
    { statusCode: 429, message: 'Too Many Requests', error: 'Too Many Requests' },
    RateLimitError,
    ['Too Many Requests'],
  ],
  [500, { statusCode: 500, message: 'Internal server error' }, ServerError, ['Internal server error']],
  [
    503,
    { statusCode: 503, message: 'Service Unavailable', error: 'Service Unavailable' },
    ServerError,
    ['Service Unavailable'],
  ],
];

describe('HighLevel error responses', () => {
  it.each(documented)(
    'maps %i to its typed error with body, messages and request id',
    async (status, body, type, messages) => {
      const { client, rec } = clientAnswering(json(body, status, { 'x-request-id': `req-${status}` }));
      const error = await client.listCollections().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(type);
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toBeInstanceOf(CommerceCollectionsError);
      const apiError = error as ApiError;
      expect(apiError.status).toBe(status);
      expect(apiError.provider).toBe('highlevel');
      expect(apiError.operation).toBe('listCollections');
      expect(apiError.body).toEqual(body);
      expect(apiError.messages).toEqual(messages);
      expect(apiError.requestId).toBe(`req-${status}`);
      expect(apiError.attempts).toBe(1);
      expect(apiError.message).toContain(String(status));
      expect(apiError.message).toContain(messages[0]);
      expect(rec.requests).toHaveLength(1);
    },
  );

  it('reads Retry-After seconds into RateLimitError.retryAfterMs', async () => {
    const { client } = clientAnswering(json({ statusCode: 429 }, 429, { 'retry-after': '7' }));
    const error = await client.listCollections().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(7000);
    expect((error as RateLimitError).messages).toEqual(['Too Many Requests']);
  });

  it('keeps a non-JSON error body as text and uses it as the message', async () => {
    const { client } = clientAnswering(
      new Response('upstream connect error', { status: 502, headers: { 'content-type': 'text/plain' } }),
    );
    const error = await client.listCollections().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({
      status: 502,
      body: 'upstream connect error',
      messages: ['upstream connect error'],
    });
  });

  it('maps an undeclared status to ApiError', async () => {
    const { client } = clientAnswering(json({ statusCode: 409, message: 'Conflict' }, 409));
    const error = await client.listCollections().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).not.toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 409, messages: ['Conflict'] });
  });

  it('retries a 503 and succeeds, reporting no error', async () => {
    const rec = recorder(json({ statusCode: 503 }, 503), json(PAGE));
    const client = createHighLevelClient({
      token: TOKEN,
      locationId: LOCATION,
      fetch: rec.fetch,
      retry: { maxRetries: 1, baseDelayMs: 0 },
      rateLimit: false,
    });
    await expect(client.listCollections()).resolves.toMatchObject({ total: 42 });
    expect(rec.requests).toHaveLength(2);
    expect(rec.requests[1]!.url).toBe(rec.requests[0]!.url);
  });

  it('counts attempts on the final error', async () => {
    const rec = recorder(json({ statusCode: 500 }, 500));
    const client = createHighLevelClient({
      token: TOKEN,
      locationId: LOCATION,
      fetch: rec.fetch,
      retry: { maxRetries: 2, baseDelayMs: 0 },
      rateLimit: false,
    });
    const error = await client.listCollections().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect((error as ServerError).attempts).toBe(3);
    expect(rec.requests).toHaveLength(3);
  });
});
