/**
 * Fetch doubles for the hostile-input suite.
 *
 * - `countingFetch()` never answers: it counts calls and fails loudly, so a test that expects a ValidationError
 *   before any request can assert `calls === 0`.
 * - `recordingFetch(answer)` records every URL (and origin) it is asked for and answers in memory: a page with
 *   no items, so a listing ends after one request. No network.
 * - `forwardingRecorder(fetch)` records and passes through to a real fetch (contract tests against a sandbox).
 */
export function countingFetch() {
  const state = { calls: 0, urls: [] as string[] };
  const fetch = (async (input: RequestInfo | URL) => {
    state.calls++;
    state.urls.push(input instanceof Request ? input.url : String(input));
    throw new Error('countingFetch: no request should have been sent');
  }) as typeof globalThis.fetch;
  return Object.assign(state, { fetch });
}

export type Answer = (request: Request) => Response | Promise<Response>;

export function recordingFetch(answer: Answer) {
  const requests: Request[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request && init === undefined ? input : new Request(input, init);
    requests.push(request);
    return answer(request);
  }) as typeof globalThis.fetch;
  return {
    fetch,
    requests,
    get urls(): URL[] {
      return requests.map((request) => new URL(request.url));
    },
  };
}

export function forwardingRecorder(inner: typeof globalThis.fetch = globalThis.fetch) {
  return recordingFetch((request) => inner(request));
}

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** A valid, empty last page for either provider (HighLevel reads `data`/`total`, Shoplazza `collections`). */
export function emptyPage(request: Request): Response {
  const isShoplazza = new URL(request.url).pathname.includes('/openapi/');
  return jsonResponse(isShoplazza ? { collections: [] } : { data: [], total: 0 });
}
