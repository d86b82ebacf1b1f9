import { expect } from 'vitest';
import { ValidationError } from '../../src/internal';

/** A scripted fetch: answers each call with the next step and records every request it received. */
export type Step = Response | Error | ((request: Request) => Response | Promise<Response>);

export function scriptedFetch(steps: Step[]) {
  const requests: Request[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    // The transport calls fetch(url, init) (or a copied Request with a body): record the Request fetch would build.
    const request = new Request(input, init);
    requests.push(request);
    const step = steps.shift();
    if (step === undefined) throw new Error(`unexpected request #${requests.length}`);
    if (step instanceof Error) throw step;
    if (typeof step === 'function') return step(request);
    return step;
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** A sleep that records the delays and returns at once (still honouring an already-aborted signal). */
export function recordingSleep() {
  const delays: number[] = [];
  const sleep = async (ms: number, signal?: AbortSignal): Promise<void> => {
    delays.push(ms);
    if (signal?.aborted) throw signal.reason;
  };
  return { sleep, delays };
}

/** A fetch step that never answers until the request's signal aborts, then rejects like fetch does. */
export function hang(request: Request): Promise<Response> {
  return new Promise((_, reject) => {
    request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true });
  });
}

/** The ValidationError `run` throws (fails the test when it throws anything else, or nothing). */
export function rejection(run: () => unknown): ValidationError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error('expected a ValidationError');
}
