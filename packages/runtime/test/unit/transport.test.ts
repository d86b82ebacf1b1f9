import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  AbortedError,
  ApiError,
  type AttemptEvent,
  AuthenticationError,
  BadRequestError,
  ConnectionError,
  createSlidingWindowLimiter,
  createTransport,
  InvalidResponseError,
  type Logger,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  type RateLimiter,
  ServerError,
  TimeoutError,
  type TransportOptions,
  UnprocessableEntityError,
  ValidationError,
} from '../../src/internal';
import { hang, json, recordingSleep, type Step, scriptedFetch } from './helpers';

const URL_ = 'https://api.example.test/collections?limit=10';
const TOKEN = 'secret-token-abc123';

function setup(steps: Step[], options: Partial<TransportOptions> = {}) {
  const { fetch, requests } = scriptedFetch(steps);
  const { sleep, delays } = recordingSleep();
  const transport = createTransport({
    provider: 'highlevel',
    label: 'HighLevel',
    fetch,
    sleep,
    random: () => 0.5,
    ...options,
  });
  return { transport, requests, delays };
}

const get = () => new Request(URL_);
const call = { operation: 'listCollections', throwHttpErrors: true };

afterEach(() => {
  vi.useRealTimers();
});

describe('retries', () => {
  it.each([408, 429, 500, 502, 503, 504])(
    'retries a GET answered %i, with full-jitter backoff',
    async (status) => {
      const { transport, requests, delays } = setup([
        json(status, {}),
        json(status, {}),
        json(200, { ok: 1 }),
      ]);
      const { response, attempts } = await transport.send(get(), call);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ ok: 1 });
      expect(requests).toHaveLength(3);
      // random() = 0.5: 0.5 × min(8000, 500 × 2^0) and 0.5 × min(8000, 500 × 2^1)
      expect(delays).toEqual([250, 500]);
      expect(attempts).toBe(3);
    },
  );

  it('caps the backoff at maxDelayMs and uses the injected random exactly', async () => {
    const randoms = [0.999, 0.25, 0.1];
    const { transport, delays } = setup([json(503, {}), json(503, {}), json(503, {}), json(200, {})], {
      random: () => randoms.shift() as number,
      retry: { maxRetries: 3, baseDelayMs: 1000, maxDelayMs: 1500 },
    });
    await transport.send(get(), call);
    expect(delays).toEqual([999, 375, 150]); // floor(0.999×1000), floor(0.25×1500), floor(0.1×1500)
  });

  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [422, UnprocessableEntityError],
    [409, ApiError],
  ])('does not retry %i and throws %o', async (status, ErrorClass) => {
    const { transport, requests, delays } = setup([json(status, { message: 'nope' }), json(200, {})]);
    const error = await transport.send(get(), call).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({ status, attempts: 1, messages: ['nope'], provider: 'highlevel' });
    expect((error as Error).name).toBe(ErrorClass.name);
    expect(requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it('retries GET only: a POST answered 503 fails after one attempt', async () => {
    const { transport, requests } = setup([json(503, {}), json(200, {})]);
    const post = new Request(URL_, { method: 'POST', body: '{"a":1}' });
    const error = await transport.send(post, call).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 503, attempts: 1 });
    expect(requests).toHaveLength(1);
    expect(await requests[0]?.text()).toBe('{"a":1}');
  });

  it('gives up after maxRetries and reports every attempt', async () => {
    const { transport, requests } = setup([json(500, {}), json(502, {}), json(503, { errors: ['down'] })]);
    const error = await transport.send(get(), call).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 503, attempts: 3, messages: ['down'] });
    expect(requests).toHaveLength(3);
  });

  it('retry: false makes one attempt', async () => {
    const { transport, requests } = setup([json(503, {}), json(200, {})], { retry: false });
    await expect(transport.send(get(), call)).rejects.toBeInstanceOf(ServerError);
    expect(requests).toHaveLength(1);
  });

  it('retries network errors with backoff, then throws ConnectionError with the cause', async () => {
    const reset = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } });
    const { transport, requests, delays } = setup([reset, reset, reset]);
    const error = await transport.send(get(), call).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ attempts: 3, status: undefined });
    expect((error as Error).message).toBe(
      'HighLevel listCollections failed: connection error — fetch failed (ECONNRESET)',
    );
    expect(requests).toHaveLength(3);
    expect(delays).toEqual([250, 500]);
  });

  it('sends a fresh copy of the request on every attempt', async () => {
    const { transport, requests } = setup([json(503, {}), json(200, {})]);
    const original = get();
    await transport.send(original, call);
    expect(requests[0]).not.toBe(original);
    expect(requests[1]).not.toBe(requests[0]);
    expect(requests.map((r) => r.url)).toEqual([URL_, URL_]);
  });

  it('cancels the body of a response it retries', async () => {
    let cancelled = false;
    const body = new ReadableStream({
      pull(controller) {
        controller.enqueue(new TextEncoder().encode('x'));
      },
      cancel() {
        cancelled = true;
      },
    });
    const { transport } = setup([new Response(body, { status: 503 }), json(200, {})]);
    await transport.send(get(), call);
    expect(cancelled).toBe(true);
  });
});

describe('Retry-After', () => {
  it('waits the number of seconds the server asks for', async () => {
    const { transport, delays } = setup([json(429, {}, { 'retry-after': '3' }), json(200, {})]);
    await transport.send(get(), call);
    expect(delays).toEqual([3000]);
  });

  it('waits until an HTTP date', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-01-01T00:00:00Z'));
    const { transport, delays } = setup([
      json(503, {}, { 'retry-after': 'Wed, 01 Jan 2025 00:00:07 GMT' }),
      json(200, {}),
    ]);
    await transport.send(get(), call);
    expect(delays).toEqual([7000]);
  });

  it('fails at once, without sleeping, when Retry-After exceeds maxRetryAfterMs', async () => {
    const { transport, requests, delays } = setup([
      json(429, { message: 'slow down' }, { 'retry-after': '120' }),
    ]);
    const error = await transport.send(get(), call).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(120_000);
    expect(error).toMatchObject({ attempts: 1, status: 429 });
    expect(requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it('gives a 503 past the cap as ServerError with retryAfterMs', async () => {
    const { transport, delays } = setup([json(503, {}, { 'retry-after': '5' })], {
      retry: { maxRetryAfterMs: 1000 },
    });
    const error = await transport.send(get(), call).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect((error as ServerError).retryAfterMs).toBe(5000);
    expect(delays).toEqual([]);
  });
});

describe('timeouts and aborts', () => {
  it('turns a deadline into TimeoutError and retries it like a network error', async () => {
    const { transport, requests, delays } = setup([hang, hang, hang], { timeoutMs: 20 });
    const error = await transport.send(get(), call).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 20, attempts: 3 });
    expect((error as Error).message).toBe('HighLevel listCollections failed: timed out after 20 ms');
    expect(requests).toHaveLength(3);
    expect(delays).toEqual([250, 500]);
  });

  it('a per-call timeoutMs overrides the transport default', async () => {
    const { transport } = setup([hang], { timeoutMs: 60_000 });
    const error = await transport
      .send(get(), { ...call, timeoutMs: 15, retry: false })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'TimeoutError', timeoutMs: 15, attempts: 1 });
  });

  it("turns the caller's abort into AbortedError and does not retry", async () => {
    const controller = new AbortController();
    const { transport, requests } = setup([
      (request) => {
        setTimeout(() => controller.abort(), 5);
        return hang(request);
      },
      json(200, {}),
    ]);
    const error = await transport
      .send(get(), { ...call, signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortedError);
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ attempts: 1 });
    expect(requests).toHaveLength(1);
  });

  it("honours the request's own signal when no call signal is given", async () => {
    const controller = new AbortController();
    const { transport, requests } = setup([
      (request) => {
        setTimeout(() => controller.abort(), 5);
        return hang(request);
      },
    ]);
    const error = await transport
      .send(new Request(URL_, { signal: controller.signal }), call)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortedError);
    expect(requests).toHaveLength(1);
  });

  it('an already-aborted signal sends nothing', async () => {
    const { transport, requests } = setup([json(200, {})]);
    const error = await transport
      .send(get(), { ...call, signal: AbortSignal.abort() })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortedError);
    expect(error).toMatchObject({ attempts: 0 });
    expect(requests).toHaveLength(0);
  });

  it('an abort during a backoff sleep stops at once with AbortedError', async () => {
    const controller = new AbortController();
    const { fetch, requests } = scriptedFetch([json(503, {}), json(200, {})]);
    // The real sleep: a 60 s backoff that only the abort can end.
    const transport = createTransport({
      provider: 'shoplazza',
      label: 'Shoplazza',
      fetch,
      random: () => 1,
      retry: { baseDelayMs: 60_000, maxDelayMs: 60_000 },
      hooks: { onAttempt: () => setTimeout(() => controller.abort(), 1) },
    });
    const error = await transport
      .send(get(), { ...call, signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortedError);
    expect(error).toMatchObject({ provider: 'shoplazza', operation: 'listCollections', attempts: 1 });
    expect(requests).toHaveLength(1);
  });

  it('an abort during a rate-limit wait stops at once with AbortedError', async () => {
    const controller = new AbortController();
    const rateLimiter = createSlidingWindowLimiter({ provider: 'test', limit: 1, intervalMs: 60_000 });
    const { fetch, requests } = scriptedFetch([json(200, {}), json(200, {})]);
    const transport = createTransport({ provider: 'highlevel', fetch, rateLimiter });
    await transport.send(get(), call);
    setTimeout(() => controller.abort(), 5);
    const error = await transport
      .send(get(), { ...call, signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortedError);
    expect(error).toMatchObject({ provider: 'highlevel', operation: 'listCollections', attempts: 0 });
    expect(requests).toHaveLength(1);
  });

  it('keeps the body read under the deadline', async () => {
    const { transport } = setup([
      (request) =>
        new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('{"a":'));
              request.signal.addEventListener('abort', () => controller.error(request.signal.reason));
            },
          }),
          { status: 200, headers: { 'content-type': 'application/json' } },
        ),
    ]);
    const { response } = await transport.send(get(), { ...call, timeoutMs: 20 });
    const { readJsonBody } = await import('../../src/internal');
    const error = await readJsonBody(response, { provider: 'highlevel', operation: 'listCollections' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 20, attempts: 1 });
  });
});

describe('a long-lived caller signal', () => {
  function countedSignal() {
    const controller = new AbortController();
    const counts = { added: 0, removed: 0 };
    const { signal } = controller;
    const add = signal.addEventListener.bind(signal);
    const remove = signal.removeEventListener.bind(signal);
    signal.addEventListener = ((...args: Parameters<AbortSignal['addEventListener']>) => {
      counts.added++;
      add(...args);
    }) as AbortSignal['addEventListener'];
    signal.removeEventListener = ((...args: Parameters<AbortSignal['removeEventListener']>) => {
      counts.removed++;
      remove(...args);
    }) as AbortSignal['removeEventListener'];
    return { signal, counts };
  }

  it('is left with no listeners once bodies are read, attempts retried or failed', async () => {
    const { signal, counts } = countedSignal();
    const { readJsonBody } = await import('../../src/internal');
    const { transport } = setup([
      json(503, {}),
      json(200, { a: 1 }),
      json(404, {}),
      new TypeError('fetch failed'),
      json(200, { b: 2 }),
    ]);
    const options = { provider: 'highlevel' as const, operation: 'listCollections' };
    for (let i = 0; i < 3; i++) {
      const outcome = await transport
        .send(get(), { ...call, signal })
        .then(({ response }) => readJsonBody(response, options))
        .catch((e: unknown) => e);
      expect(outcome).toEqual([{ a: 1 }, expect.any(NotFoundError), { b: 2 }][i]);
    }
    expect(counts.added).toBe(5);
    expect(counts.removed).toBe(5);
  });

  it('is released when the caller reads the body itself (the delivered body is capped and watched)', async () => {
    const { signal, counts } = countedSignal();
    const { transport } = setup([json(200, { a: 1 })]);
    const { response } = await transport.send(get(), { ...call, signal, timeoutMs: 10_000 });
    expect(counts).toEqual({ added: 1, removed: 0 });
    expect(await response.json()).toEqual({ a: 1 });
    expect(counts).toEqual({ added: 1, removed: 1 });
  });

  it('is released by the deadline when nobody reads the body', async () => {
    const { signal, counts } = countedSignal();
    const { transport } = setup([json(200, { a: 1 })]);
    await transport.send(get(), { ...call, signal, timeoutMs: 10 });
    expect(counts).toEqual({ added: 1, removed: 0 });
    await vi.waitFor(() => expect(counts.removed).toBe(1));
  });
});

describe('authentication', () => {
  it('sets auth headers on every attempt', async () => {
    const { transport, requests } = setup([json(503, {}), json(200, {})], {
      authenticate: (headers) => headers.set('Authorization', `Bearer ${TOKEN}`),
    });
    await transport.send(get(), call);
    expect(requests.map((r) => r.headers.get('authorization'))).toEqual([
      `Bearer ${TOKEN}`,
      `Bearer ${TOKEN}`,
    ]);
  });

  it('refreshes once on 401 and retries, counting the attempt', async () => {
    const contexts: boolean[] = [];
    const { transport, requests, delays } = setup(
      [json(401, { message: 'expired' }), json(200, { ok: true })],
      {
        authenticate: (headers, context) => {
          contexts.push(context.refresh);
          headers.set('access-token', context.refresh ? 'fresh' : 'stale');
        },
      },
    );
    const { response, attempts } = await transport.send(get(), call);
    expect(response.status).toBe(200);
    expect(contexts).toEqual([false, true]);
    expect(requests.map((r) => r.headers.get('access-token'))).toEqual(['stale', 'fresh']);
    expect(attempts).toBe(2);
    expect(delays).toEqual([]);
  });

  it('refreshes only once: a second 401 throws AuthenticationError', async () => {
    const body = {
      statusCode: 401,
      message: 'Invalid token: access token is invalid',
      error: 'Unauthorized',
    };
    const { transport, requests } = setup(
      [json(401, body, { 'request-id': 'abc' }), json(401, body, { 'request-id': 'abc' }), json(200, {})],
      { authenticate: () => {}, requestIdHeader: 'request-id' },
    );
    const error = await transport.send(get(), call).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toBe(
      'HighLevel listCollections failed: 401 Unauthorized — Invalid token: access token is invalid (request id abc)',
    );
    expect(error).toMatchObject({ attempts: 2, requestId: 'abc', body, status: 401 });
    expect(requests).toHaveLength(2);
  });

  it('refreshes on 401 for a POST too, sending the body again', async () => {
    const { transport, requests } = setup([json(401, {}), json(201, {})], { authenticate: () => {} });
    const { response } = await transport.send(new Request(URL_, { method: 'POST', body: 'payload' }), call);
    expect(response.status).toBe(201);
    expect(await Promise.all(requests.map((r) => r.text()))).toEqual(['payload', 'payload']);
  });
});

describe('HTTP errors', () => {
  it('returns the Response when throwHttpErrors is false', async () => {
    const { transport } = setup([json(404, { message: 'missing' })]);
    const { response, attempts } = await transport.send(get(), { operation: 'listCollections' });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ message: 'missing' });
    expect(attempts).toBe(1);
  });

  it('uses the provider extractor, and the status text when it finds nothing', async () => {
    const extractMessages = (body: unknown) => ((body as { errors?: string[] }).errors ?? []) as string[];
    const { transport } = setup([json(422, { errors: ['UpdatedAtMin time format error'] })], {
      provider: 'shoplazza',
      label: 'Shoplazza',
      extractMessages,
    });
    const error = await transport.send(get(), call).catch((e: unknown) => e);
    expect(error).toMatchObject({ messages: ['UpdatedAtMin time format error'] });
    expect((error as Error).message).toBe(
      'Shoplazza listCollections failed: 422 Unprocessable Entity — UpdatedAtMin time format error',
    );

    const second = setup([json(403, { something: 'else' })], { extractMessages });
    const fallback = await second.transport.send(get(), call).catch((e: unknown) => e);
    expect(fallback).toMatchObject({ messages: ['Forbidden'] });
    expect((fallback as Error).message).toBe('HighLevel listCollections failed: 403 Forbidden');
  });

  it('keeps a non-JSON error body as text', async () => {
    const { transport } = setup([new Response('<html>bad gateway</html>', { status: 400 })]);
    const error = await transport.send(get(), call).catch((e: unknown) => e);
    expect(error).toMatchObject({ body: '<html>bad gateway</html>', messages: ['<html>bad gateway</html>'] });
  });

  it('refuses an error body whose Content-Length exceeds maxBodyBytes, without reading it', async () => {
    let pulled = 0;
    const body = new ReadableStream({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(10));
      },
    });
    const { transport } = setup(
      [new Response(body, { status: 400, headers: { 'content-length': '5000' } })],
      {
        maxBodyBytes: 100,
      },
    );
    const error = await transport.send(get(), call).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ reason: 'body-too-large', status: 400 });
    expect(pulled).toBeLessThanOrEqual(1); // the stream's initial pull only; nothing read
  });
});

describe('rate limiter integration', () => {
  it('acquires before every attempt, updates after every response, and reports the wait', async () => {
    const waits = [0, 40];
    const seen: number[] = [];
    const rateLimiter: RateLimiter = {
      acquire: async () => waits.shift() as number,
      update: (response) => seen.push(response.status),
    };
    const events: AttemptEvent[] = [];
    const { transport } = setup([json(503, {}), json(200, {})], {
      rateLimiter,
      hooks: { onAttempt: (event) => events.push(event) },
    });
    await transport.send(get(), call);
    expect(seen).toEqual([503, 200]);
    expect(events.map((e) => e.rateLimitWaitMs)).toEqual([0, 40]);
  });
});

describe('hooks and logging', () => {
  it('reports each attempt with exact fields and no secrets in the URL', async () => {
    const events: AttemptEvent[] = [];
    const { transport } = setup(
      [json(503, {}, { 'request-id': 'r1' }), json(200, {}, { 'request-id': 'r2' })],
      { requestIdHeader: 'request-id', hooks: { onAttempt: (event) => events.push(event) } },
    );
    // (fetch refuses userinfo in a Request URL; redactUrl's own tests cover it)
    const url = 'https://api.example.test/collections?limit=10&access_token=sek&token=sek2';
    await transport.send(new Request(url), call);
    const clean = 'https://api.example.test/collections?limit=10';
    expect(events.map(({ durationMs, ...rest }) => rest)).toEqual([
      {
        provider: 'highlevel',
        operation: 'listCollections',
        method: 'GET',
        url: clean,
        attempt: 1,
        status: 503,
        rateLimitWaitMs: 0,
        error: 'ServerError',
        retryInMs: 250,
        requestId: 'r1',
      },
      {
        provider: 'highlevel',
        operation: 'listCollections',
        method: 'GET',
        url: clean,
        attempt: 2,
        status: 200,
        rateLimitWaitMs: 0,
        requestId: 'r2',
      },
    ]);
    for (const event of events) expect(event.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('reports a failed attempt with the error class name', async () => {
    const events: AttemptEvent[] = [];
    const { transport } = setup([new TypeError('fetch failed')], {
      retry: false,
      hooks: { onAttempt: (event) => events.push(event) },
    });
    await transport.send(get(), call).catch(() => {});
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ attempt: 1, error: 'ConnectionError' });
    expect(events[0]).not.toHaveProperty('status');
    expect(events[0]).not.toHaveProperty('retryInMs');
  });

  it('a hook that throws does not break the call', async () => {
    const { transport } = setup([json(200, {})], {
      hooks: {
        onAttempt: () => {
          throw new Error('hook bug');
        },
      },
    });
    expect((await transport.send(get(), call)).response.status).toBe(200);
  });

  it('logs at debug level without ever printing credentials', async () => {
    const lines: string[] = [];
    const record = (level: string) => (msg: string, fields?: Record<string, unknown>) =>
      lines.push(`${level} ${msg} ${JSON.stringify(fields)} ${inspect(fields)}`);
    const logger: Logger = {
      debug: record('debug'),
      info: record('info'),
      warn: record('warn'),
      error: record('error'),
    };
    const { transport } = setup([json(503, {}), json(401, {}), json(200, {})], {
      logger,
      logLevel: 'debug',
      authenticate: (headers) => {
        headers.set('authorization', `Bearer ${TOKEN}`);
        headers.set('access-token', TOKEN);
        headers.set('cookie', `session=${TOKEN}`);
      },
    });
    await transport.send(new Request(`${URL_}&access_token=${TOKEN}`), call);
    expect(lines.filter((l) => l.startsWith('debug'))).toHaveLength(3);
    expect(lines.filter((l) => l.startsWith('warn'))).toHaveLength(2); // the 503 retry and the 401 refresh
    const all = lines.join('\n');
    expect(all).not.toContain(TOKEN);
    expect(all).toContain('"authorization":"[redacted]"');
    expect(all).toContain('"access-token":"[redacted]"');
    expect(all).toContain('"cookie":"[redacted]"');
  });

  it('is silent by default', async () => {
    const spies = (['debug', 'info', 'warn', 'error', 'log'] as const).map((m) =>
      vi.spyOn(console, m).mockImplementation(() => {}),
    );
    const { transport } = setup([json(503, {}), json(200, {})]);
    await transport.send(get(), call);
    for (const spy of spies) {
      expect(spy).not.toHaveBeenCalled();
      spy.mockRestore();
    }
  });
});

describe('errors never carry the token', () => {
  it('toJSON, String and inspect are token-free', async () => {
    const { transport } = setup([json(401, { message: 'bad token' }), json(401, { message: 'bad token' })], {
      retry: false,
      authenticate: (headers) => headers.set('authorization', `Bearer ${TOKEN}`),
    });
    // The refresh attempt also answers 401 here: both attempts carry the token in their headers.
    const error = await transport.send(get(), call).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    for (const text of [
      JSON.stringify(error),
      String(error),
      inspect(error, { depth: 10, showHidden: true }),
    ]) {
      expect(text).not.toContain(TOKEN);
    }
  });
});

describe('option validation', () => {
  it.each([
    [{ timeoutMs: 0 }, 'timeoutMs'],
    [{ timeoutMs: Number.NaN }, 'timeoutMs'],
    [{ maxBodyBytes: -1 }, 'maxBodyBytes'],
    [{ retry: { maxRetries: 1.5 } }, 'retry.maxRetries'],
    [{ retry: { baseDelayMs: Number.POSITIVE_INFINITY } }, 'retry.baseDelayMs'],
  ])('rejects %o before any request', (options, option) => {
    const error = (() => {
      try {
        createTransport({ provider: 'highlevel', ...(options as Partial<TransportOptions>) });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ option, operation: 'createClient', attempts: 0 });
  });
});

describe('what fetch is given', () => {
  function pendingFetch(steps: ((init: RequestInit) => Response | Promise<Response>)[]) {
    const calls: { input: unknown; init: RequestInit }[] = [];
    const fetch = (async (input: unknown, init?: RequestInit) => {
      calls.push({ input, init: init ?? {} });
      const step = steps.shift();
      if (step === undefined) throw new Error(`unexpected request #${calls.length}`);
      return step(init ?? {});
    }) as typeof globalThis.fetch;
    return { fetch, calls };
  }
  const pending = () => new Request(URL_, { method: 'GET', headers: { Accept: 'application/json' } });

  it('goes to an injected fetch as (url, init) with the attempt signal: not another Request', async () => {
    const { fetch, calls } = pendingFetch([() => json(503, {}), () => json(200, { ok: 1 })]);
    const { sleep } = recordingSleep();
    const transport = createTransport({ provider: 'highlevel', fetch, sleep, random: () => 0.5 });
    const { response } = await transport.send(pending(), call);
    expect(await response.json()).toEqual({ ok: 1 });
    expect(calls).toHaveLength(2);
    for (const { input, init } of calls) {
      expect(input).toBe(URL_);
      expect(init.method).toBe('GET');
      expect(init.headers).toBeInstanceOf(Headers);
      expect((init.headers as Headers).get('accept')).toBe('application/json');
      expect(init.signal).toBeInstanceOf(AbortSignal);
    }
    expect(calls.some(({ init }) => init.signal?.aborted)).toBe(false);
  });

  it('is retried only for GET, whatever the case its method was given in', async () => {
    const { fetch, calls } = pendingFetch([() => json(503, {}), () => json(200, {})]);
    const { sleep } = recordingSleep();
    const transport = createTransport({ provider: 'highlevel', fetch, sleep, random: () => 0.5 });
    const post = new Request(URL_, { method: 'post', body: '{}' });
    expect(post.method).toBe('POST');
    const error = await transport.send(post, call).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect(calls).toHaveLength(1);
    const { response } = await transport.send(new Request(URL_, { method: 'get' }), call);
    expect(response.status).toBe(200);
  });

  it('aborts the signal it passed when the deadline passes (TimeoutError)', async () => {
    const hangOnInit = (init: RequestInit) =>
      new Promise<Response>((_, reject) => {
        const signal = init.signal as AbortSignal;
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      });
    const { fetch } = pendingFetch([hangOnInit]);
    const transport = createTransport({ provider: 'highlevel', fetch, timeoutMs: 10 });
    const error = await transport.send(pending(), { ...call, retry: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 10, attempts: 1 });
  });
});
