import { describe, expectTypeOf, it } from 'vitest';
import {
  type ApiError,
  type AttemptEvent,
  CommerceCollectionsError,
  createApiError,
  createTransport,
  type Delivery,
  type InvalidResponseError,
  RateLimitError,
  type RateLimiter,
  readJsonBody,
  type ServerError,
  type TimeoutError,
  type Transport,
  type ValidationError,
  validateBaseUrl,
  validateDateTime,
  validateIdList,
  validateInteger,
} from '../../src/internal';

describe('error types', () => {
  it('RateLimitError and ServerError have retryAfterMs; TimeoutError has timeoutMs', () => {
    expectTypeOf<RateLimitError['retryAfterMs']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<ServerError['retryAfterMs']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<TimeoutError['timeoutMs']>().toEqualTypeOf<number>();
    expectTypeOf<InvalidResponseError['reason']>().toEqualTypeOf<string>();
    expectTypeOf<ValidationError['option']>().toEqualTypeOf<string>();
    // @ts-expect-error ApiError in general has no retryAfterMs
    type _NoRetryAfter = ApiError['retryAfterMs'];
  });

  it('narrows with instanceof', () => {
    const error: unknown = createApiError({ provider: 'highlevel', operation: 'op', status: 429 });
    if (error instanceof RateLimitError) {
      expectTypeOf(error.retryAfterMs).toEqualTypeOf<number | undefined>();
      expectTypeOf(error.status).toEqualTypeOf<number>();
    }
    if (error instanceof CommerceCollectionsError) {
      expectTypeOf(error.provider).toEqualTypeOf<string>();
      expectTypeOf(error.status).toEqualTypeOf<number | undefined>();
      expectTypeOf(error.attempts).toEqualTypeOf<number>();
      expectTypeOf(error.toJSON()).toEqualTypeOf<Record<string, unknown>>();
    }
    expectTypeOf(createApiError).returns.toEqualTypeOf<ApiError>();
  });

  it('the runtime names no provider: a client passes its own', () => {
    createTransport({ provider: 'acme', label: 'Acme' });
    // @ts-expect-error the client must say who it is
    createTransport({});
  });
});

describe('transport types', () => {
  it('send delivers values; fetch fits openapi-fetch', () => {
    const transport = createTransport({ provider: 'acme' });
    expectTypeOf(transport).toEqualTypeOf<Transport>();
    expectTypeOf(transport.send).returns.resolves.toEqualTypeOf<Delivery>();
    expectTypeOf(transport.fetch).toEqualTypeOf<(input: Request) => Promise<Response>>();
    // @ts-expect-error operation is required
    transport.send(new Request('https://x.example'), {});
  });

  it('AttemptEvent fields', () => {
    expectTypeOf<AttemptEvent['attempt']>().toEqualTypeOf<number>();
    expectTypeOf<AttemptEvent['status']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<AttemptEvent['error']>().toEqualTypeOf<string | undefined>();
  });

  it('RateLimiter.acquire resolves with the wait', () => {
    expectTypeOf<RateLimiter['acquire']>().returns.toEqualTypeOf<Promise<number>>();
  });

  it('helpers return what they validate', () => {
    expectTypeOf(readJsonBody).returns.toEqualTypeOf<Promise<unknown>>();
    expectTypeOf(validateBaseUrl).returns.toEqualTypeOf<URL>();
    expectTypeOf(validateInteger).returns.toEqualTypeOf<number>();
    expectTypeOf(validateDateTime).returns.toEqualTypeOf<string>();
    expectTypeOf(validateIdList).returns.toEqualTypeOf<string[]>();
  });
});
