import { describe, expect, it } from 'vitest';
import {
  type ApiError,
  AuthenticationError,
  BadRequestError,
  createShoplazzaClient,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  type ShoplazzaErrorBody,
  UnprocessableEntityError,
} from '../../src/index';
import { PAGE, SHOP, TOKEN } from './fixtures';
import { json, recorder } from './helpers';

function clientAnswering(...responses: Response[]) {
  const rec = recorder(...responses);
  const client = createShoplazzaClient({
    token: TOKEN,
    shop: SHOP,
    fetch: rec.fetch,
    retry: false,
    rateLimit: false,
  });
  return { client, rec };
}

// The spec's examples for every declared error status, both body shapes.
const documented: [number, ShoplazzaErrorBody, abstract new (...args: never[]) => ApiError, string[]][] = [
  [400, { errors: ['Bad Request'] }, BadRequestError, ['Bad Request']],
  [401, { error: 'Unauthorized' }, AuthenticationError, ['Unauthorized']],
  [403, { error: 'store is not active' }, PermissionDeniedError, ['store is not active']],
  [404, { errors: ['Not Found'] }, NotFoundError, ['Not Found']],
  [
    422,
    { errors: ['UpdatedAtMin time format error'] },
    UnprocessableEntityError,
    ['UpdatedAtMin time format error'],
  ],
  [
    422,
    { errors: ['UpdatedAtMin time format error', 'UpdatedAtMax time format error'] },
    UnprocessableEntityError,
    ['UpdatedAtMin time format error', 'UpdatedAtMax time format error'],
  ],
  [
    429,
    {
      errors: [
        'Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.',
      ],
    },
    RateLimitError,
    ['Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.'],
  ],
  [500, { errors: ['No context'] }, ServerError, ['No context']],
  [500, { error: 'boom', errors: ['No context'] }, ServerError, ['boom', 'No context']],
];

describe('Shoplazza error responses', () => {
  it.each(documented)(
    'maps %i %j to its typed error with body, messages and request id',
    async (status, body, type, messages) => {
      const { client, rec } = clientAnswering(json(body, status, { 'Request-Id': `req-${status}` }));
      const error = await client.listCollections().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(type);
      const apiError = error as ApiError;
      expect(apiError.status).toBe(status);
      expect(apiError.provider).toBe('shoplazza');
      expect(apiError.operation).toBe('listCollections');
      expect(apiError.body).toEqual(body);
      expect(apiError.messages).toEqual(messages);
      expect(apiError.requestId).toBe(`req-${status}`);
      expect(apiError.attempts).toBe(1);
      expect(apiError.message).toContain(String(status));
      expect(rec.requests).toHaveLength(1);
    },
  );

  it('accepts `error` as a list, as the vendor’s table claims', async () => {
    const { client } = clientAnswering(json({ error: ['a', 'b'] }, 400));
    await expect(client.listCollections()).rejects.toMatchObject({ messages: ['a', 'b'] });
  });

  it('falls back to the status text for an empty error body', async () => {
    const { client } = clientAnswering(new Response(null, { status: 404 }));
    const error = await client.listCollections().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ body: undefined, messages: ['Not Found'] });
  });

  it('reads Retry-After into RateLimitError.retryAfterMs', async () => {
    const { client } = clientAnswering(json({ errors: ['slow down'] }, 429, { 'Retry-After': '1' }));
    const error = await client.listCollections().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(1000);
  });

  it('retries a 429 and succeeds', async () => {
    const rec = recorder(json({ errors: ['slow down'] }, 429, { 'Retry-After': '0' }), json(PAGE));
    const client = createShoplazzaClient({
      token: TOKEN,
      shop: SHOP,
      fetch: rec.fetch,
      retry: { maxRetries: 1, baseDelayMs: 0 },
      rateLimit: false,
    });
    await expect(client.listCollections({ limit: 2 })).resolves.toMatchObject({
      collections: PAGE.collections,
    });
    expect(rec.requests).toHaveLength(2);
    expect(rec.requests[1]!.url).toBe(rec.requests[0]!.url);
  });
});
