import { type CollectionsClientOptions, createCollectionsClient } from '../../src/index';
import type { FakeServer } from './fake-servers';

/** A facade over fake servers: no retries, no client-side rate limit, so request counts are exact. */
export function clientFor(
  servers: { highlevel?: FakeServer<unknown>; shoplazza?: FakeServer<unknown> },
  extra: Partial<CollectionsClientOptions> = {},
) {
  return createCollectionsClient({
    retry: false,
    ...(servers.highlevel && {
      highlevel: {
        token: 'hl-secret-token',
        locationId: 'loc-1',
        baseUrl: 'https://hl.example.test',
        fetch: servers.highlevel.fetch,
        rateLimit: false,
      },
    }),
    ...(servers.shoplazza && {
      shoplazza: {
        token: 'sl-secret-token',
        shop: 'demo',
        baseUrl: 'https://demo.example.test',
        fetch: servers.shoplazza.fetch,
        rateLimit: false,
      },
    }),
    ...extra,
  } as CollectionsClientOptions);
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}
