import { describe, expect, it } from 'vitest';
import {
  AbortedError,
  AuthenticationError,
  createShoplazzaClient,
  type Logger,
  ValidationError,
} from '../../src/index';
import { PAGE, SHOP, TOKEN } from './fixtures';
import { json, recorder } from './helpers';

function capturingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const write = (msg: string, fields?: Record<string, unknown>) => {
    lines.push(`${msg} ${JSON.stringify(fields ?? {})}`);
  };
  return { logger: { debug: write, info: write, warn: write, error: write }, lines };
}

describe('Shoplazza token handling', () => {
  it('calls a token function per request and refreshes once after a 401', async () => {
    const rec = recorder(json(PAGE), json({ error: 'Unauthorized' }, 401), json(PAGE));
    const calls: boolean[] = [];
    let generation = 0;
    const client = createShoplazzaClient({
      token: async ({ refresh }) => {
        calls.push(refresh);
        if (refresh) generation++;
        return `tok-${generation}`;
      },
      shop: SHOP,
      fetch: rec.fetch,
      retry: false,
      rateLimit: false,
    });
    await client.listCollections();
    await expect(client.listCollections({ page: 2 })).resolves.toMatchObject({
      collections: PAGE.collections,
    });
    expect(calls).toEqual([false, false, true]);
    expect(rec.requests.map((r) => r.headers.get('access-token'))).toEqual(['tok-0', 'tok-0', 'tok-1']);
    expect(rec.requests[2]!.url).toBe(rec.requests[1]!.url);
  });

  it('does not retry a 401 with a fixed token', async () => {
    const rec = recorder(json({ error: 'Unauthorized' }, 401));
    const client = createShoplazzaClient({ token: TOKEN, shop: SHOP, fetch: rec.fetch, rateLimit: false });
    await expect(client.listCollections()).rejects.toBeInstanceOf(AuthenticationError);
    expect(rec.requests).toHaveLength(1);
  });

  it('refuses an unusable token from the function before sending', async () => {
    const rec = recorder(json(PAGE));
    const client = createShoplazzaClient({ token: () => '', shop: SHOP, fetch: rec.fetch, rateLimit: false });
    await expect(client.listCollections()).rejects.toBeInstanceOf(ValidationError);
    expect(rec.requests).toHaveLength(0);
  });

  it('never puts the token in errors or logs', async () => {
    const { logger, lines } = capturingLogger();
    const rec = recorder(json({ error: 'store is not active' }, 403, { 'Request-Id': 'r1' }));
    const client = createShoplazzaClient({
      token: TOKEN,
      shop: SHOP,
      fetch: rec.fetch,
      rateLimit: false,
      logger,
      logLevel: 'debug',
    });
    const error = await client.listCollections().catch((e: unknown) => e);
    expect(rec.requests[0]!.headers.get('access-token')).toBe(TOKEN);
    expect(lines.length).toBeGreaterThan(0);
    for (const text of [String(error), JSON.stringify(error), (error as Error).stack ?? '', ...lines]) {
      expect(text).not.toContain(TOKEN);
    }
    expect(lines.join('\n')).toContain('[redacted]');
  });
});

describe('Shoplazza rate limit and cancellation', () => {
  it('applies the default 2/s bucket: a second immediate call waits and can be aborted', async () => {
    const rec = recorder(json(PAGE));
    const client = createShoplazzaClient({ token: TOKEN, shop: SHOP, fetch: rec.fetch });
    // Both calls reserve their slots synchronously, in call order: the second is 500 ms behind the first
    // however slow this machine is, so aborting it at once always finds it waiting.
    const first = client.listCollections();
    const controller = new AbortController();
    const waiting = client.listCollections({}, { signal: controller.signal }).catch((e: unknown) => e);
    controller.abort();
    await first;
    expect(await waiting).toBeInstanceOf(AbortedError);
    expect(rec.requests).toHaveLength(1);
  });

  it('lets `burst` requests through back to back', async () => {
    const rec = recorder(json(PAGE));
    const client = createShoplazzaClient({
      token: TOKEN,
      shop: SHOP,
      fetch: rec.fetch,
      rateLimit: { ratePerSecond: 0.001, burst: 3 },
    });
    await Promise.all([client.listCollections(), client.listCollections(), client.listCollections()]);
    const controller = new AbortController();
    const fourth = client.listCollections({}, { signal: controller.signal }).catch((e: unknown) => e);
    controller.abort();
    expect(await fourth).toBeInstanceOf(AbortedError);
    expect(rec.requests).toHaveLength(3);
  });
});
