import type { ApiName } from '../sandbox/types';
import { readSpecDocument } from './spec-source';
import { type PrismViolation, parseViolations } from './violations';

/** One request a client put on the wire and what Prism said about it. */
export interface Exchange {
  method: string;
  url: string;
  /** The request headers as the client built them, before `Prefer` was added. */
  headers: Record<string, string>;
  status: number;
  violations: PrismViolation[];
  /** The response body text, when the recorder was asked to keep bodies. */
  body?: string;
}

/**
 * A `fetch` to hand to a client (its `fetch` option) in a contract test: records every exchange — Prism matches
 * query names case-insensitively and accepts repeated keys for comma lists, so assert the exact URL from this
 * log — and adds Prism's `Prefer` header (`code=…`, `example=…`, `dynamic=true,seed=…`) to choose its answer,
 * fixed or per request URL. Everything else about the request is left as the client built it.
 */
export function recordingFetch(
  log: Exchange[],
  prefer?: string | ((url: URL) => string | undefined),
  keepBodies = false,
): typeof globalThis.fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    let request = input instanceof Request && init === undefined ? input : new Request(input, init);
    const headers = Object.fromEntries(request.headers.entries());
    const value = typeof prefer === 'function' ? prefer(new URL(request.url)) : prefer;
    if (value !== undefined) {
      const withPrefer = new Headers(request.headers);
      withPrefer.set('Prefer', value);
      request = new Request(request, { headers: withPrefer });
    }
    const response = await globalThis.fetch(request);
    log.push({
      method: request.method,
      url: request.url,
      headers,
      status: response.status,
      violations: parseViolations(response),
      ...(keepBodies ? { body: await response.clone().text() } : {}),
    });
    return response;
  }) as typeof globalThis.fetch;
}

type Json = Record<string, unknown>;

/** The value of a declared response's named example (GET, application/json), from the bundled spec. */
export function declaredExample(api: ApiName, path: string, status: string, name: string): unknown {
  const document = readSpecDocument(api);
  const operation = ((document.paths as Json)[path] as Json).get as Json;
  const response = (operation.responses as Json)[status] as Json;
  const media = (response.content as Json)['application/json'] as Json;
  return ((media.examples as Json)[name] as Json).value;
}
