// TEMPORARY: stands in for @commerce-collections/shoplazza until that package is built (see vitest.config.ts).
import { AbortedError, createApiError } from '@commerce-collections/runtime';

export function createShoplazzaClient(options: any): any {
  const baseUrl = options.baseUrl ?? `https://${options.shop}.myshoplazza.com`;
  return {
    provider: 'shoplazza',
    shop: options.shop,
    baseUrl,
    raw: undefined,
    async listCollections(params: any = {}, call: any = {}) {
      const url = new URL(`${baseUrl}/openapi/2022-01/collections`);
      for (const [key, value] of Object.entries(params)) {
        if (value === undefined) continue;
        url.searchParams.set(key, Array.isArray(value) ? value.join(',') : String(value));
      }
      const fetchImpl = options.fetch ?? globalThis.fetch;
      if (call.signal?.aborted)
        throw new AbortedError({ provider: 'shoplazza', operation: 'listCollections' });
      let response: Response;
      try {
        response = await fetchImpl(
          new Request(url, { headers: { 'access-token': options.token }, signal: call.signal }),
        );
      } catch (error) {
        if (call.signal?.aborted) {
          throw new AbortedError({ provider: 'shoplazza', operation: 'listCollections', attempts: 1 });
        }
        throw error;
      }
      const requestId = response.headers.get('request-id') ?? undefined;
      const body = await response.json();
      if (!response.ok) {
        throw createApiError({
          provider: 'shoplazza',
          operation: 'listCollections',
          status: response.status,
          requestId,
          body,
          attempts: 1,
        });
      }
      return { collections: body.collections, requestId };
    },
  };
}
