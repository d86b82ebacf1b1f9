import { describe, expect, it } from 'vitest';
import { createProviderClient } from '../../src/provider-client';

type Paths = {
  '/items': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: {
      parameters: { query?: { ids?: string; limit?: number }; header?: never; path?: never; cookie?: never };
      requestBody?: never;
      responses: { 200: { headers: { [name: string]: unknown }; content: { 'application/json': unknown } } };
    };
  };
};

function client(fetch: typeof globalThis.fetch) {
  return createProviderClient<Paths>({
    provider: 'acme',
    label: 'Acme',
    options: { fetch, retry: false },
    token: 'secret-token-abc123',
    authHeader: 'Authorization',
    authScheme: 'Bearer',
    baseUrl: 'https://api.example.test/v1',
    headers: { Accept: 'application/json' },
    listParam: 'ids',
    rateLimiter: false,
    requestIdHeader: 'request-id',
    messageFields: ['message'],
  });
}

describe('a typed call on the wire', () => {
  it('hands fetch the exact URL, method, headers and manual redirects, once', async () => {
    const calls: { input: unknown; init: RequestInit | undefined }[] = [];
    const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      calls.push({ input, init });
      return new Response('{"items":[]}', { headers: { 'content-type': 'application/json' } });
    };
    const { page } = await client(fetch as typeof globalThis.fetch).getPage(
      'listItems',
      undefined,
      () => undefined,
      (typed, fetchOption) =>
        typed.GET('/items', {
          params: { query: { ids: 'a b,c', limit: 5 } },
          fetch: fetchOption,
          parseAs: 'stream',
        }),
    );
    expect(page).toEqual({ items: [] });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.input).toBe('https://api.example.test/v1/items?ids=a%20b,c&limit=5');
    const headers = new Headers(calls[0]?.init?.headers);
    expect(headers.get('authorization')).toBe('Bearer secret-token-abc123');
    expect(headers.get('accept')).toBe('application/json');
    expect(calls[0]?.init?.method).toBe('GET');
    expect(calls[0]?.init?.redirect).toBe('manual');
  });
});
