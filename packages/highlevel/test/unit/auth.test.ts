import { describe, expect, it } from 'vitest';
import {
  AbortedError,
  AuthenticationError,
  createHighLevelClient,
  type Logger,
  ValidationError,
} from '../../src/index';
import { LOCATION, PAGE, TOKEN } from './fixtures';
import { json, recorder } from './helpers';

const UNAUTHORIZED = {
  statusCode: 401,
  message: 'Invalid token: access token is invalid',
  error: 'Unauthorized',
};

function capturingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const write = (msg: string, fields?: Record<string, unknown>) => {
    lines.push(`${msg} ${JSON.stringify(fields ?? {})}`);
  };
  return { logger: { debug: write, info: write, warn: write, error: write }, lines };
}

describe('HighLevel token handling', () => {
  it('calls a token function for each request', async () => {
    const rec = recorder(json(PAGE));
    const seen: boolean[] = [];
    let n = 0;
    const client = createHighLevelClient({
      token: ({ refresh }) => {
        seen.push(refresh);
        n++;
        return `tok-${n}`;
      },
      locationId: LOCATION,
      fetch: rec.fetch,
      rateLimit: false,
    });
    await client.listCollections();
    await client.listCollections();
    expect(seen).toEqual([false, false]);
    expect(rec.requests.map((r) => r.headers.get('authorization'))).toEqual(['Bearer tok-1', 'Bearer tok-2']);
  });

  it('accepts an async token function', async () => {
    const rec = recorder(json(PAGE));
    const client = createHighLevelClient({
      token: async () => 'async-tok',
      locationId: LOCATION,
      fetch: rec.fetch,
    });
    await client.listCollections();
    expect(rec.requests[0]!.headers.get('authorization')).toBe('Bearer async-tok');
  });

  it('refreshes the token once after a 401 and retries with the new one', async () => {
    const rec = recorder(json(UNAUTHORIZED, 401), json(PAGE));
    const calls: boolean[] = [];
    const client = createHighLevelClient({
      token: ({ refresh }) => {
        calls.push(refresh);
        return refresh ? 'fresh-token' : 'stale-token';
      },
      locationId: LOCATION,
      fetch: rec.fetch,
      retry: false,
      rateLimit: false,
    });
    await expect(client.listCollections({ limit: 5 })).resolves.toMatchObject({ total: 42 });
    expect(calls).toEqual([false, true]);
    expect(rec.requests.map((r) => r.headers.get('authorization'))).toEqual([
      'Bearer stale-token',
      'Bearer fresh-token',
    ]);
    expect(rec.requests[1]!.url).toBe(rec.requests[0]!.url);
  });

  it('throws AuthenticationError when the refreshed token is refused too', async () => {
    const rec = recorder(json(UNAUTHORIZED, 401));
    const client = createHighLevelClient({
      token: () => 'tok',
      locationId: LOCATION,
      fetch: rec.fetch,
      rateLimit: false,
    });
    const error = await client.listCollections().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).attempts).toBe(2);
    expect(rec.requests).toHaveLength(2);
  });

  it('does not retry a 401 with a fixed token (it cannot change)', async () => {
    const rec = recorder(json(UNAUTHORIZED, 401));
    const client = createHighLevelClient({
      token: TOKEN,
      locationId: LOCATION,
      fetch: rec.fetch,
      rateLimit: false,
    });
    await expect(client.listCollections()).rejects.toBeInstanceOf(AuthenticationError);
    expect(rec.requests).toHaveLength(1);
  });

  it('refuses a token function result that is not a usable token, before sending', async () => {
    const rec = recorder(json(PAGE));
    const client = createHighLevelClient({
      token: () => 'bad token\r\n',
      locationId: LOCATION,
      fetch: rec.fetch,
      rateLimit: false,
    });
    const error = await client.listCollections().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ option: 'token' });
    expect(String(error)).not.toContain('bad token');
    expect(rec.requests).toHaveLength(0);
  });

  it('never puts the token in errors or logs', async () => {
    const { logger, lines } = capturingLogger();
    const rec = recorder(json(UNAUTHORIZED, 401, { 'x-request-id': 'r1' }));
    const events: unknown[] = [];
    const client = createHighLevelClient({
      token: TOKEN,
      locationId: LOCATION,
      fetch: rec.fetch,
      rateLimit: false,
      logger,
      logLevel: 'debug',
      hooks: { onAttempt: (event) => events.push(event) },
    });
    const error = await client.listCollections().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(rec.requests[0]!.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
    expect(lines.length).toBeGreaterThan(0);
    expect(events).toHaveLength(1);
    for (const text of [
      String(error),
      JSON.stringify(error),
      (error as Error).stack ?? '',
      ...lines,
      JSON.stringify(events),
    ]) {
      expect(text).not.toContain(TOKEN);
    }
    expect(lines.join('\n')).toContain('[redacted]');
  });
});

describe('HighLevel cancellation and rate limit', () => {
  it('does not send when the signal is already aborted', async () => {
    const rec = recorder(json(PAGE));
    const client = createHighLevelClient({
      token: TOKEN,
      locationId: LOCATION,
      fetch: rec.fetch,
      rateLimit: false,
    });
    const error = await client.listCollections({}, { signal: AbortSignal.abort() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortedError);
    expect(rec.requests).toHaveLength(0);
  });

  it('shares the configured rate limit across calls: the second call waits and can be aborted', async () => {
    const rec = recorder(json(PAGE));
    const client = createHighLevelClient({
      token: TOKEN,
      locationId: LOCATION,
      fetch: rec.fetch,
      rateLimit: { limit: 1, intervalMs: 3_600_000 },
    });
    await client.listCollections();
    const controller = new AbortController();
    const second = client.listCollections({}, { signal: controller.signal }).catch((e: unknown) => e);
    controller.abort();
    expect(await second).toBeInstanceOf(AbortedError);
    expect(rec.requests).toHaveLength(1);
  });

  it('applies the default limit of 100 per 10 s: the 101st call waits', async () => {
    const rec = recorder(json(PAGE));
    const client = createHighLevelClient({ token: TOKEN, locationId: LOCATION, fetch: rec.fetch });
    await Promise.all(Array.from({ length: 100 }, () => client.listCollections()));
    const controller = new AbortController();
    const extra = client.listCollections({}, { signal: controller.signal }).catch((e: unknown) => e);
    controller.abort();
    expect(await extra).toBeInstanceOf(AbortedError);
    expect(rec.requests).toHaveLength(100);
  });
});
