/** A fetch double that records every request it is given and answers from a queue (the last answer repeats). */
export interface Recorder {
  fetch: typeof globalThis.fetch;
  requests: Request[];
}

export type Answer = Response | ((request: Request) => Response | Promise<Response>);

export function recorder(...answers: Answer[]): Recorder {
  const requests: Request[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request && init === undefined ? input : new Request(input, init);
    requests.push(request);
    const answer = answers.length > 1 ? answers.shift() : answers[0];
    if (answer === undefined) throw new Error('recorder: no answer queued');
    if (typeof answer === 'function') return answer(request);
    return answer.clone();
  }) as typeof globalThis.fetch;
  return { fetch, requests };
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** Header names and values of a request, lower-cased names, sorted: asserts there is nothing extra. */
export function headerEntries(request: Request): [string, string][] {
  return [...request.headers.entries()].sort(([a], [b]) => a.localeCompare(b));
}
