import { afterEach, describe, expect, inject, it } from 'vitest';
import { parseViolations } from '../../src/prism/violations';
import { onRequest } from '../../src/sandbox/faults';
import type { ApiName } from '../../src/sandbox/types';
import { startValidatedSandbox, type ValidatedSandbox } from '../../src/sandbox/validated';
import './provided-context';
import {
  highLevelHeaders,
  highLevelList,
  shoplazza202506List,
  shoplazzaHeaders,
  shoplazzaList,
} from './requests';

let running: ValidatedSandbox<ApiName> | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function expectClean(response: Response, status: number): Promise<string> {
  const body = await response.text();
  expect({ status: response.status, violations: parseViolations(response) }).toEqual({
    status,
    violations: [],
  });
  return body;
}

describe('HighLevel sandbox through the validating proxy', () => {
  it('passes pages, filters and the empty page with zero violations and unchanged bytes', async () => {
    const url = inject('highlevelSandboxUrl');
    const direct = inject('highlevelSandboxDirectUrl');
    for (const query of [
      '',
      '&limit=100&offset=200',
      '&offset=400',
      '&name=best',
      '&collectionIds=a,b',
      '&limit=1',
    ]) {
      const proxied = await expectClean(await highLevelList(url, query), 200);
      const raw = await (await highLevelList(direct, query)).text();
      expect(proxied).toBe(raw);
    }
  });

  it('passes the rate-limit headers through and keeps them valid', async () => {
    const response = await highLevelList(inject('highlevelSandboxUrl'), '&limit=1');
    await expectClean(response, 200);
    expect(response.headers.get('x-ratelimit-max')).toBe('100');
    expect(response.headers.get('x-ratelimit-limit-daily')).toBe('200000');
  });

  it('passes the sandbox errors it can reach: 401 (wrong token), 429 (with Retry-After), 500, 503', async () => {
    running = await startValidatedSandbox('highlevel', {
      rateLimit: { limit: 1, intervalMs: 60_000 },
      faults: (context) =>
        context.requestIndex === 3
          ? { status: 500, body: { statusCode: 500, message: 'Internal server error' } }
          : context.requestIndex === 4
            ? {
                status: 503,
                body: { statusCode: 503, message: 'Service Unavailable', error: 'Service Unavailable' },
              }
            : undefined,
    });
    await expectClean(
      await highLevelList(running.url, '', { ...highLevelHeaders, Authorization: 'Bearer wrong' }),
      401,
    );
    await expectClean(await highLevelList(running.url), 200);
    const limited = await highLevelList(running.url);
    await expectClean(limited, 429);
    expect(limited.headers.get('retry-after')).toBe('60');
    await expectClean(await highLevelList(running.url), 500);
    await expectClean(await highLevelList(running.url), 503);
  });

  it('refuses invalid requests in Prism, so the sandbox never sees them', async () => {
    running = await startValidatedSandbox('highlevel', {});
    const noVersion = await highLevelList(running.url, '', { Authorization: 'Bearer sandbox-token' });
    const zeroLimit = await highLevelList(running.url, '&limit=0');
    expect([noVersion.status, zeroLimit.status]).toEqual([422, 422]);
    // Refused requests carry their violations in the problem+json body, not in sl-violations.
    expect(parseViolations(zeroLimit)).toEqual([]);
    expect((await zeroLimit.json()).validation).toEqual([
      {
        location: ['query', 'limit'],
        severity: 'Error',
        code: 'minimum',
        message: 'Request query parameter limit must be >= 1',
      },
    ]);
    expect(running.sandbox.requestLog).toEqual([]);
  });

  it('turns drifted answers into 500s naming total and name', async () => {
    running = await startValidatedSandbox('highlevel', { mode: 'drifted', collections: 2 });
    const response = await highLevelList(running.url);
    expect(response.status).toBe(500);
    expect(parseViolations(response)).toEqual([
      {
        severity: 'Error',
        location: ['response', 'body', 'data', '0'],
        message: "Response body property data.0 must have required property 'name'",
        code: 'required',
      },
      {
        severity: 'Error',
        location: ['response', 'body', 'data', '1'],
        message: "Response body property data.1 must have required property 'name'",
        code: 'required',
      },
      {
        severity: 'Error',
        location: ['response', 'body', 'total'],
        message: 'Response body property total must be integer',
        code: 'type',
      },
    ]);
  });
});

describe('Shoplazza sandbox through the validating proxy', () => {
  it('passes pages and every filter with zero violations and unchanged bytes', async () => {
    const url = inject('shoplazzaSandboxUrl');
    const direct = inject('shoplazzaSandboxDirectUrl');
    const queries = [
      '',
      'page=3&limit=100',
      'page=9&limit=50',
      'title=spring',
      'ids=a60fe556-43ad-4e07-9125-507ac1bf71f7,0b6b0a7e-4a4e-4c39-9a55-3f1f2d9b6c11',
      'updated_at_min=2023-07-01T00:00:00Z&updated_at_max=2023-08-01T00:00:00%2B08:00',
      'product_id=4b5f2d0e-8c1a-4f7e-9d3b-2a6c8e1f0b9d',
    ];
    for (const query of queries) {
      const proxied = await expectClean(await shoplazzaList(url, query), 200);
      // Request-Id differs per request; the body must not.
      expect(proxied).toBe(await (await shoplazzaList(direct, query)).text());
    }
  });

  it('passes 401, 403, 429 and 500 with zero violations and a Request-Id on each', async () => {
    const limitedSandbox = await startValidatedSandbox('shoplazza', {
      rateLimit: { limit: 1, intervalMs: 60_000 },
      faults: onRequest(3, { status: 500, body: { errors: ['No context'] } }),
    });
    running = limitedSandbox;
    const statuses: number[] = [];
    const wrong = await shoplazzaList(running.url, '', { ...shoplazzaHeaders, 'access-token': 'wrong' });
    await expectClean(wrong, 401);
    await expectClean(await shoplazzaList(running.url), 200);
    const limited = await shoplazzaList(running.url);
    await expectClean(limited, 429);
    expect(limited.headers.get('retry-after')).toBe('1');
    await expectClean(await shoplazzaList(running.url), 500);
    statuses.push(...running.sandbox.requestLog.map((entry) => entry.status ?? 0));
    expect(statuses).toEqual([401, 200, 429, 500]);
    await running.close();

    running = await startValidatedSandbox('shoplazza', { inactive: true });
    const inactive = await shoplazzaList(running.url);
    expect(await expectClean(inactive, 401)).toBe('{"error":"store is not active"}');
    expect(inactive.headers.get('request-id')).toBe('sandbox-0');
  });

  it('turns drifted answers into 500s naming id and smart', async () => {
    running = await startValidatedSandbox('shoplazza', { mode: 'drifted', collections: 1 });
    const response = await shoplazzaList(running.url);
    expect(response.status).toBe(500);
    expect(parseViolations(response).map(({ location, code }) => [location.join('.'), code])).toEqual([
      ['response.body.collections.0', 'required'],
      ['response.body.collections.0.smart', 'type'],
    ]);
  });
});

describe('Shoplazza 2025-06 sandbox through the validating proxy', () => {
  it('passes every page of a cursor walk and every filter with zero violations and unchanged bytes', async () => {
    const url = inject('shoplazzaSandboxUrl');
    const direct = inject('shoplazzaSandboxDirectUrl');
    let cursor: string | undefined;
    let pages = 0;
    do {
      const query = `page_size=100${cursor ? `&cursor=${cursor}` : ''}`;
      const proxied = await expectClean(await shoplazza202506List(url, query), 200);
      expect(proxied).toBe(await (await shoplazza202506List(direct, query)).text());
      const { data } = JSON.parse(proxied) as { data: { cursor: string; has_more: boolean } };
      cursor = data.has_more ? data.cursor : undefined;
      pages += 1;
    } while (cursor !== undefined);
    expect(pages).toBe(3); // the global sandbox holds the default 250 collections
    for (const query of [
      'title=spring',
      'ids=a60fe556-43ad-4e07-9125-507ac1bf71f7,0b6b0a7e-4a4e-4c39-9a55-3f1f2d9b6c11',
      'updated_at_min=2023-07-01T00:00:00Z&updated_at_max=2023-08-01T00:00:00%2B08:00',
      'product_id=4b5f2d0e-8c1a-4f7e-9d3b-2a6c8e1f0b9d&page_size=1',
    ]) {
      const proxied = await expectClean(await shoplazza202506List(url, query), 200);
      expect(proxied).toBe(await (await shoplazza202506List(direct, query)).text());
    }
  });

  it('passes 401, 422 (bad cursor), 429 (shared with 2022-01) and 500 with zero violations', async () => {
    running = await startValidatedSandbox('shoplazza', {
      rateLimit: { limit: 2, intervalMs: 60_000 },
      faults: onRequest(4, { status: 500, body: { errors: ['No context'] } }),
    });
    await expectClean(
      await shoplazza202506List(running.url, '', { ...shoplazzaHeaders, 'access-token': 'wrong' }),
      401,
    );
    await expectClean(await shoplazzaList(running.url), 200);
    await expectClean(await shoplazza202506List(running.url, 'cursor=nonsense'), 422);
    const limited = await shoplazza202506List(running.url);
    await expectClean(limited, 429);
    expect(limited.headers.get('retry-after')).toBe('1');
    await expectClean(await shoplazza202506List(running.url), 500);
    expect(running.sandbox.requestLog.map((entry) => entry.status)).toEqual([401, 200, 422, 429, 500]);
  });

  it('refuses a page_size over 100 in Prism, so the sandbox never sees it', async () => {
    running = await startValidatedSandbox('shoplazza', {});
    const response = await shoplazza202506List(running.url, 'page_size=101');
    expect(response.status).toBe(422);
    expect(running.sandbox.requestLog).toEqual([]);
  });

  it('turns drifted 2025-06 answers into 500s naming id and smart', async () => {
    running = await startValidatedSandbox('shoplazza', { mode: 'drifted', collections: 1 });
    const response = await shoplazza202506List(running.url);
    expect(response.status).toBe(500);
    expect(parseViolations(response).map(({ location, code }) => [location.join('.'), code])).toEqual([
      ['response.body.data.collections.0', 'required'],
      ['response.body.data.collections.0.smart', 'type'],
    ]);
  });
});
