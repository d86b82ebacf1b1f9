import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listDeclaredResponses, resolveLocalRef } from '../../src/prism/declared-responses';
import { readSpecDocument } from '../../src/prism/spec-source';
import { type HighLevelSandbox, startHighLevelSandbox } from '../../src/sandbox/highlevel';
import { type ShoplazzaSandbox, startShoplazzaSandbox } from '../../src/sandbox/shoplazza';
import type { ApiName } from '../../src/sandbox/types';
import {
  highLevelHeaders,
  highLevelList,
  shoplazza202506List,
  shoplazza202506Path,
  shoplazzaHeaders,
  shoplazzaList,
} from './requests';

/** The example of `status` (of the operation at `path`, else the first) whose value equals `body`, if any. */
function matchingExample(api: ApiName, status: number, body: unknown, path?: string): string | undefined {
  const document = readSpecDocument(api);
  const declared = listDeclaredResponses(api, document).find(
    (entry) => entry.status === String(status) && (path === undefined || entry.path === path),
  );
  if (!declared) return undefined;
  const paths = document.paths as Record<string, { get: { responses: Record<string, unknown> } }>;
  const response = resolveLocalRef(document, paths[declared.path]?.get.responses[String(status)]);
  const examples = (response.content as Record<string, { examples: Record<string, unknown> }>)[
    'application/json'
  ]?.examples;
  return declared.exampleNames.find(
    (name) => JSON.stringify(resolveLocalRef(document, examples?.[name]).value) === JSON.stringify(body),
  );
}

// Straight to the sandboxes (no proxy): the validating proxy refuses the invalid requests that produce
// 400/422 before they arrive. Each error the sandbox produces on its own must equal a documented example.
describe('sandbox error bodies equal the spec examples', () => {
  let highlevel: HighLevelSandbox;
  let shoplazza: ShoplazzaSandbox;
  beforeAll(async () => {
    highlevel = await startHighLevelSandbox({ rateLimit: { limit: 1, intervalMs: 60_000 } });
    shoplazza = await startShoplazzaSandbox({ rateLimit: { limit: 1, intervalMs: 60_000 } });
  });
  afterAll(async () => {
    await highlevel.close();
    await shoplazza.close();
  });

  it('HighLevel: 401 invalidToken, 200 emptyPage, 429 burstExceeded, 400 badRequest, 422 invalidAltType', async () => {
    const exchanges: [number, Response][] = [
      [401, await highLevelList(highlevel.url, '', { ...highLevelHeaders, Authorization: 'Bearer wrong' })],
      [200, await highLevelList(highlevel.url, '&name=no-such-collection')],
      [429, await highLevelList(highlevel.url)],
    ];
    highlevel.reset();
    exchanges.push([400, await highLevelList(highlevel.url, '', { Authorization: 'Bearer sandbox-token' })]);
    highlevel.reset();
    exchanges.push([
      422,
      await fetch(`${highlevel.url}/products/collections?altId=x&altType=LOCATION`, {
        headers: highLevelHeaders,
      }),
    ]);
    const matched = [];
    for (const [status, response] of exchanges) {
      expect(response.status).toBe(status);
      matched.push(matchingExample('highlevel', status, await response.json()));
    }
    expect(matched).toEqual(['invalidToken', 'emptyPage', 'burstExceeded', 'badRequest', 'invalidAltType']);
  });

  it('Shoplazza: 401, 404, 422 (both time formats), 200 emptyPage, 429', async () => {
    const exchanges: [number, Response][] = [
      [401, await shoplazzaList(shoplazza.url, '', { ...shoplazzaHeaders, 'access-token': 'wrong' })],
      [404, await fetch(`${shoplazza.url}/openapi/2022-01/nothing`, { headers: shoplazzaHeaders })],
      [422, await shoplazzaList(shoplazza.url, 'updated_at_min=2024-01-01')],
    ];
    shoplazza.reset();
    exchanges.push([422, await shoplazzaList(shoplazza.url, 'updated_at_max=2024-01-01')]);
    shoplazza.reset();
    exchanges.push([200, await shoplazzaList(shoplazza.url, 'title=no-such-collection')]);
    exchanges.push([429, await shoplazzaList(shoplazza.url)]);
    const matched = [];
    for (const [status, response] of exchanges) {
      expect(response.status).toBe(status);
      matched.push(matchingExample('shoplazza', status, await response.json()));
    }
    expect(matched).toEqual([
      'unauthorized',
      'notFound',
      'updatedAtMinFormat',
      'updatedAtMaxFormat',
      'emptyPage',
      'rateLimited',
    ]);

    const inactive = await startShoplazzaSandbox({ inactive: true });
    try {
      const response = await shoplazzaList(inactive.url);
      expect(matchingExample('shoplazza', 401, await response.json())).toBe('storeNotActive');
    } finally {
      await inactive.close();
    }
  });

  it('Shoplazza 2025-06: 401, 404, 422 (page_size, cursor, ids, time), 200 emptyPage, 429', async () => {
    shoplazza.reset();
    const exchanges: [number, Response][] = [
      [401, await shoplazza202506List(shoplazza.url, '', { ...shoplazzaHeaders, 'access-token': 'wrong' })],
      [404, await fetch(`${shoplazza.url}/openapi/2025-06/nothing`, { headers: shoplazzaHeaders })],
    ];
    for (const query of ['page_size=101', 'cursor=nonsense', 'ids=a&ids=b', 'updated_at_min=2024-01-01']) {
      exchanges.push([422, await shoplazza202506List(shoplazza.url, query)]);
      shoplazza.reset();
    }
    exchanges.push([200, await shoplazza202506List(shoplazza.url, 'title=no-such-collection')]);
    exchanges.push([429, await shoplazza202506List(shoplazza.url)]);
    const matched = [];
    for (const [status, response] of exchanges) {
      expect(response.status).toBe(status);
      matched.push(matchingExample('shoplazza', status, await response.json(), shoplazza202506Path));
    }
    expect(matched).toEqual([
      'unauthorized',
      'notFound',
      'pageSizeRange',
      'invalidCursor',
      'idsFormat',
      'updatedAtMinFormat',
      'emptyPage',
      'rateLimited',
    ]);
  });
});
