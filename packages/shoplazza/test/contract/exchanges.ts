import { type PrismViolation, parseViolations, readSpecDocument } from '@commerce-collections/contract';

/** One request the client put on the wire and what Prism said about it. */
export interface Exchange {
  method: string;
  url: string;
  headers: Record<string, string>;
  status: number;
  violations: PrismViolation[];
  /** The response body text, when the recorder was asked to keep bodies. */
  body?: string;
}

/**
 * A fetch for the client's `fetch` option that records every exchange (Prism matches query names
 * case-insensitively and accepts repeated keys, so the exact URL is asserted from this log) and optionally adds
 * a `Prefer` header to pick Prism's answer. Everything else about the request is left as the client built it.
 */
export function recordingFetch(
  log: Exchange[],
  prefer?: string,
  keepBodies = false,
): typeof globalThis.fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    let request = input instanceof Request && init === undefined ? input : new Request(input, init);
    const headers = Object.fromEntries(request.headers.entries());
    if (prefer !== undefined) {
      const withPrefer = new Headers(request.headers);
      withPrefer.set('Prefer', prefer);
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

/** The named example of a declared response, from the bundled spec the mock serves. */
export function exampleValue(path: string, status: string, name: string): unknown {
  const document = readSpecDocument('shoplazza');
  const operation = ((document.paths as Json)[path] as Json).get as Json;
  const response = (operation.responses as Json)[status] as Json;
  const media = (response.content as Json)['application/json'] as Json;
  return ((media.examples as Json)[name] as Json).value;
}

/** A small deterministic generator (mulberry32), so a seed fully describes a sweep case. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
