/**
 * A request that has not been built yet: its URL and init. A client passes this class to openapi-fetch as its
 * `Request` option; openapi-fetch then "constructs" one of these instead of a real Request, and the transport
 * sends each attempt as `fetch(url, { ...init, signal })`, so fetch builds the only Request.
 *
 * Why: a Request is the dominant cost of a call in Node (≈5 µs from a URL; ≈20 µs more when it follows a signal
 * or is built from another Request). openapi-fetch always builds one, the transport had to build another to
 * attach its per-attempt signal, and fetch builds a third from that. With a PendingRequest there is one, built
 * by fetch itself; an injected fetch that needs none (a test double) builds none (see packages/bench, B1/B2).
 */
export class PendingRequest {
  readonly url: string;
  readonly init: RequestInit;
  /** Upper-cased once: openapi-fetch and the transport each read it per call. */
  readonly method: string;

  constructor(input: string | URL, init: RequestInit = {}) {
    this.url = String(input);
    this.init = init;
    this.method = (init.method ?? 'GET').toUpperCase();
  }

  get headers(): Headers {
    const headers = this.init.headers;
    if (headers instanceof Headers) return headers;
    const built = new Headers(headers);
    this.init.headers = built;
    return built;
  }

  /** openapi-fetch serializes bodies to strings (or FormData/Blob…), which can be sent again on a retry. */
  get body(): BodyInit | null {
    return this.init.body ?? null;
  }

  get signal(): AbortSignal | undefined {
    return this.init.signal ?? undefined;
  }
}

/**
 * The global Request, looked up at first use rather than when a client is created: Node 20 loads its fetch
 * implementation on the first touch of `globalThis.Request` (15–17 ms), and openapi-fetch's createClient touches
 * it for the default of its `Request` option. Pass this as that option so creating a client stays cheap; the
 * first request pays the load, as any fetch would. `instanceof LazyRequest` is `instanceof Request`.
 */
export const LazyRequest = function LazyRequest(input: RequestInfo | URL, init?: RequestInit): Request {
  return new globalThis.Request(input, init);
} as unknown as typeof Request;
Object.defineProperty(LazyRequest, Symbol.hasInstance, {
  value: (value: unknown): boolean => value instanceof globalThis.Request,
});
