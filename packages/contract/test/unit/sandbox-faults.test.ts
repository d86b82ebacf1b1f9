import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { composeFaults, onRequest } from '../../src/sandbox/faults';
import { type HighLevelSandbox, startHighLevelSandbox } from '../../src/sandbox/highlevel';
import { generateHighLevelCollections } from '../../src/sandbox/highlevel-data';
import { startShoplazzaSandbox } from '../../src/sandbox/shoplazza';

let sandbox: { close(): Promise<void> } | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

const headers = { Authorization: 'Bearer sandbox-token', Version: '2021-07-28' };
const path = (running: HighLevelSandbox, query = '') =>
  `${running.url}/products/collections?altId=${running.locationId}&altType=location${query}`;

/** Raw node:http GET, so truncated and reset bodies are observable (fetch hides the difference). */
function rawGet(url: string, requestHeaders: Record<string, string>) {
  return new Promise<{
    status?: number;
    length?: string;
    received: number;
    error?: string;
    complete: boolean;
  }>((resolve) => {
    const outcome: { status?: number; length?: string; received: number; error?: string; complete: boolean } =
      {
        received: 0,
        complete: false,
      };
    const req = request(url, { headers: requestHeaders }, (res) => {
      outcome.status = res.statusCode;
      outcome.length = res.headers['content-length'];
      res.on('data', (chunk: Buffer) => {
        outcome.received += chunk.length;
      });
      res.on('end', () => {
        outcome.complete = res.complete;
        resolve(outcome);
      });
      res.on('error', (error) => {
        outcome.error = (error as NodeJS.ErrnoException).code ?? error.message;
        resolve(outcome);
      });
      res.on('aborted', () => {
        outcome.error ??= 'aborted';
      });
    });
    req.on('error', (error) => {
      outcome.error = (error as NodeJS.ErrnoException).code ?? error.message;
      resolve(outcome);
    });
    req.end();
  });
}

describe('sandbox faults', () => {
  it('replaces a response with status, body, headers and content type', async () => {
    const running = await startHighLevelSandbox({
      rateLimit: false,
      faults: onRequest(1, {
        status: 503,
        body: 'upstream down',
        contentType: 'text/plain',
        headers: { 'X-A': '1' },
      }),
    });
    sandbox = running;
    expect((await fetch(path(running), { headers })).status).toBe(200);
    const faulted = await fetch(path(running), { headers });
    expect(faulted.status).toBe(503);
    expect(faulted.headers.get('content-type')).toBe('text/plain');
    expect(faulted.headers.get('x-a')).toBe('1');
    // Fault responses still carry the provider's always-present headers.
    expect(faulted.headers.get('x-ratelimit-max')).toBe('100');
    expect(await faulted.text()).toBe('upstream down');
    expect(running.requestLog.map((entry) => entry.status)).toEqual([200, 503]);
  });

  it('resets the connection before headers', async () => {
    const running = await startHighLevelSandbox({ faults: () => ({ resetConnection: 'before-headers' }) });
    sandbox = running;
    const outcome = await rawGet(path(running), headers);
    expect(outcome.status).toBeUndefined();
    expect(outcome.error).toBe('ECONNRESET');
    expect(running.requestLog[0]?.status).toBeUndefined();
  });

  it('resets mid-body and truncates: fewer bytes than Content-Length arrive', async () => {
    for (const fault of [{ resetConnection: 'mid-body' as const }, { truncateBody: true as const }]) {
      const running = await startHighLevelSandbox({ faults: () => fault });
      const outcome = await rawGet(path(running), headers);
      await running.close();
      expect(outcome.status).toBe(200);
      expect(outcome.received).toBeLessThan(Number(outcome.length));
      expect(outcome.complete).toBe(false);
    }
  });

  it('mutates the dataset mid-run and composes hooks in order', async () => {
    const [extra] = generateHighLevelCollections({
      count: 1,
      seed: 'extra',
      locationId: '6578278e879ad2646715ba9c',
    });
    const seen: number[] = [];
    const running = await startHighLevelSandbox({
      collections: 5,
      faults: composeFaults(
        (context) => {
          seen.push(context.requestIndex);
          return undefined;
        },
        onRequest(1, [{ insert: extra!, index: 0 }, { delayMs: 1 }]),
        (context) => (context.requestIndex === 2 ? { remove: context.dataset.items[1]!._id } : undefined),
      ),
    });
    sandbox = running;
    const totals: number[] = [];
    const firstIds: string[] = [];
    for (let index = 0; index < 3; index += 1) {
      const body = await (await fetch(path(running), { headers })).json();
      totals.push(body.total);
      firstIds.push(body.data[0]._id);
    }
    expect(seen).toEqual([0, 1, 2]);
    expect(totals).toEqual([5, 6, 5]);
    expect(firstIds[1]).toBe(extra!._id);
    running.reset();
    expect(running.dataset.size).toBe(5);
    expect(running.requestLog).toHaveLength(0);
  });

  it('works the same on the Shoplazza sandbox and keeps Request-Id on fault responses', async () => {
    const running = await startShoplazzaSandbox({
      faults: onRequest(0, { status: 500, body: { errors: ['No context'] } }),
    });
    sandbox = running;
    const response = await fetch(`${running.url}/openapi/2022-01/collections`, {
      headers: { 'access-token': 'sandbox-token' },
    });
    expect([response.status, await response.text()]).toEqual([500, '{"errors":["No context"]}']);
    expect(response.headers.get('request-id')).toBe('sandbox-0');
  });
});
