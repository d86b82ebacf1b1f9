import { describe, expect, it } from 'vitest';
import {
  type AttemptEvent,
  createTransport,
  InvalidResponseError,
  RedirectError,
  readJsonBody,
} from '../../src/internal';
import { json, scriptedFetch } from './helpers';

// Unit level: what a loopback server cannot produce in Node (a browser's opaque redirect, a fetch that follows a
// redirect despite `redirect: 'manual'`, in-memory bodies with lying headers). The wire tests are in
// packages/sdk/test/contract/reliability/redirects.test.ts and compressed-bodies.test.ts.
const TOKEN = 'unit-redirect-token-7c1e';
const call = { operation: 'listCollections', throwHttpErrors: true };

function transport(fetch: typeof globalThis.fetch, events: AttemptEvent[] = []) {
  return createTransport({
    provider: 'shoplazza',
    label: 'Shoplazza',
    fetch,
    retry: { maxRetries: 2, baseDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 0 },
    authenticate: (headers) => headers.set('access-token', TOKEN),
    hooks: { onAttempt: (event) => events.push(event) },
  });
}

/** What a browser's fetch returns for `redirect: 'manual'`: type 'opaqueredirect', status 0, no headers. */
function opaqueRedirect(): Response {
  const response = new Response(null, { status: 200 });
  Object.defineProperty(response, 'type', { value: 'opaqueredirect' });
  Object.defineProperty(response, 'status', { value: 0 });
  Object.defineProperty(response, 'ok', { value: false });
  return response;
}

describe('redirects', () => {
  it('asks fetch not to follow: every call passes redirect "manual" in the init', async () => {
    const inits: RequestInit[] = [];
    const fetch = (async (_url: string, init: RequestInit) => {
      inits.push(init);
      return json(200, {});
    }) as unknown as typeof globalThis.fetch;
    const pending = new Request('https://x.example/c', { method: 'GET', redirect: 'follow' });
    await transport(fetch).send(pending, call);
    expect(inits[0]?.redirect).toBe('manual');
  });

  it('the Request fetch builds from it has redirect "manual"', async () => {
    const { fetch, requests } = scriptedFetch([json(200, {})]);
    await transport(fetch).send(new Request('https://x.example/c', { redirect: 'follow' }), call);
    expect(requests[0]?.redirect).toBe('manual');
  });

  it("a browser's opaque redirect is a RedirectError with the status and target unknown, not retried", async () => {
    const events: AttemptEvent[] = [];
    const { fetch, requests } = scriptedFetch([opaqueRedirect(), json(200, {})]);
    const error = await transport(fetch, events)
      .send(new Request('https://x.example/c'), call)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toMatchObject({ status: undefined, targetHost: undefined, attempts: 1 });
    expect((error as Error).message).toBe(
      'Shoplazza listCollections failed: redirect refused (status hidden by the browser, to an unknown target); API calls never follow redirects',
    );
    expect(requests).toHaveLength(1);
    expect(events.map((event) => event.error)).toEqual(['RedirectError']);
  });

  it('a fetch that followed a redirect anyway: its answer is refused, naming where it ended', async () => {
    const followed = json(200, { collections: [] });
    Object.defineProperty(followed, 'redirected', { value: true });
    Object.defineProperty(followed, 'url', { value: 'https://other.example:8443/steal?token=x' });
    const { fetch } = scriptedFetch([followed]);
    const error = await transport(fetch)
      .send(new Request('https://x.example/c'), call)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toMatchObject({ status: 200, targetHost: 'other.example:8443' });
    expect((error as Error).message).toContain('the fetch function followed one, to other.example:8443');
  });

  it('a Location that is not a URL: target unknown; a token echoed into the host is scrubbed', async () => {
    const { fetch } = scriptedFetch([
      new Response(null, { status: 302, headers: { location: 'http://[not a host' } }),
      new Response(null, { status: 301, headers: { location: `https://${TOKEN}.evil.example/` } }),
    ]);
    const client = transport(fetch);
    const bad = await client.send(new Request('https://x.example/c'), call).catch((e: unknown) => e);
    expect(bad).toMatchObject({ status: 302, targetHost: undefined });
    const echoed = await client.send(new Request('https://x.example/c'), call).catch((e: unknown) => e);
    expect(echoed).toMatchObject({ status: 301, targetHost: '[redacted].evil.example' });
    expect(JSON.stringify(echoed)).not.toContain(TOKEN);
    expect((echoed as Error).message).not.toContain(TOKEN);
  });
});

/** A body stream of `chunks` chunks of `size` bytes, counting what was pulled and whether it was cancelled. */
function countedStream(chunks: number, size: number) {
  const state = { pulled: 0, cancelled: false };
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent++ >= chunks) return controller.close();
      state.pulled += size;
      controller.enqueue(new Uint8Array(size).fill(0x20));
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

describe('decoded size', () => {
  const options = { provider: 'highlevel' as const, operation: 'listCollections', maxBodyBytes: 1000 };

  it.each([
    ['a small Content-Length and gzip', { 'content-length': '10', 'content-encoding': 'gzip' }],
    [
      'a small Content-Length, no encoding (a lie only an in-memory body can tell)',
      { 'content-length': '10' },
    ],
    ['no Content-Length', {}],
  ])('%s: stops at the cap, cancels the stream, body-too-large', async (_label, headers) => {
    const { stream, state } = countedStream(1000, 100);
    const response = new Response(stream, {
      headers: { 'content-type': 'application/json', ...headers },
    });
    const error = await readJsonBody(response, options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ reason: 'body-too-large', status: 200 });
    expect(state.cancelled).toBe(true);
    expect(state.pulled).toBeLessThanOrEqual(1000 + 3 * 100);
  });

  it('an encoded body whose Content-Length is over the cap is still read: only the decoded size counts', async () => {
    const response = new Response('{"ok":true}', {
      headers: { 'content-type': 'application/json', 'content-length': '5000', 'content-encoding': 'br' },
    });
    await expect(readJsonBody(response, options)).resolves.toEqual({ ok: true });
  });

  it('an unencoded Content-Length over the cap is refused without reading', async () => {
    const { stream, state } = countedStream(1000, 100);
    const response = new Response(stream, {
      headers: { 'content-type': 'application/json', 'content-length': '5000' },
    });
    await expect(readJsonBody(response, options)).rejects.toMatchObject({ reason: 'body-too-large' });
    expect(state.pulled).toBeLessThanOrEqual(2 * 100); // the stream's own read-ahead, nothing more
  });
});
