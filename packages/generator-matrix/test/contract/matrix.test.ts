import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  declaredExample,
  startValidatedSandbox,
  type ValidatedSandbox,
} from '@commerce-collections/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heyApi } from './adapters/hey-api';
import { oazapfts } from './adapters/oazapfts';
import { openapiTypescript } from './adapters/openapi-typescript';
import { openapiZodClient } from './adapters/openapi-zod-client';
import { swaggerTypescriptApi } from './adapters/swagger-typescript-api';
import type { ApiAdapter, GeneratorAdapter } from './adapters/types';
import { type CellResult, cell, headerCell, idsCell, parsed, textCell } from './cells';
import { startWireRecorder, type WireRecorder, type WireRequest } from './wire-recorder';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const adapters = [openapiTypescript, heyApi, swaggerTypescriptApi, openapiZodClient, oazapfts];
// Spaces, `&`, `+`, `%` and non-ASCII: each must arrive as exactly this text after form decoding.
const text = 'Spring & Summer + 100% été 日本';
const NULLS = 'null-fields';
const token = 'sandbox-token';

type ApiResult = { cells: Record<string, CellResult>; success: string; errors: string; nulls: string };
const results: Record<string, { generator: string; version: string; apis: Record<string, ApiResult> }> = {};

function versionOf(name: string): string {
  // Not every generator exports ./package.json: read the installed manifest directly.
  const manifest = join(packageDir, 'node_modules', name, 'package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;
const highLevelPage = (body: unknown) =>
  isObject(body) && Array.isArray(body.data) && typeof body.total === 'number';
const shoplazzaPage = (body: unknown) => isObject(body) && Array.isArray(body.collections);
const shoplazza202506Page = (body: unknown) =>
  isObject(body) &&
  typeof body.code === 'string' &&
  isObject(body.data) &&
  Array.isArray(body.data.collections) &&
  typeof body.data.has_more === 'boolean';
const SHOPLAZZA_202506 = '/openapi/2025-06/collections';

async function withWire<Api extends 'highlevel' | 'shoplazza'>(
  api: Api,
  nullBody: () => unknown,
  textKey: string,
): Promise<{ sandbox: ValidatedSandbox<Api>; recorder: WireRecorder }> {
  // Both sandboxes take these options; the union of their option types is not callable, hence the cast.
  const options = {
    rateLimit: false,
    collections: 30,
    faults: ({ url }: { url: URL }) =>
      url.searchParams.get(textKey) === NULLS ? { status: 200, body: nullBody() } : undefined,
  } as const;
  const sandbox = await startValidatedSandbox(api, options as never);
  const recorder = await startWireRecorder(sandbox.url);
  return { sandbox, recorder };
}

describe.each(adapters)('$generator', (adapter: GeneratorAdapter) => {
  results[adapter.dir] = { generator: adapter.generator, version: versionOf(adapter.versionOf), apis: {} };

  describe('HighLevel, through Prism (errors on) to the sandbox', () => {
    let wire: Awaited<ReturnType<typeof withWire<'highlevel'>>>;
    beforeAll(async () => {
      wire = await withWire(
        'highlevel',
        () => declaredExample('highlevel', '/products/collections', '200', 'nullFields'),
        'name',
      );
    });
    afterAll(() => Promise.all([wire.recorder.close(), wire.sandbox.close()]));

    it('sends every parameter and header as documented, and the answers parse into its types', async () => {
      const client = adapter.highlevel;
      const { locationId, dataset } = wire.sandbox.sandbox;
      const ids = dataset.items.slice(0, 2).map((item) => item._id);
      const base = { altId: locationId, altType: 'location' as const };
      const call = (query: Parameters<typeof client.list>[0]['query'], secret = token) =>
        client.list({ baseUrl: wire.recorder.url, token: secret, query });

      const full = await call({ ...base, limit: 5, offset: 0, collectionIds: ids.join(','), name: text });
      const byIds = await call({ ...base, collectionIds: ids.join(',') });
      const nulls = await call({ ...base, name: NULLS });
      const denied = await call(base, 'wrong-token');
      const [fullRequest, idsRequest] = wire.recorder.requests as [WireRequest, WireRequest];
      const generic = client as ApiAdapter<never, string>;
      const cells = {
        collectionIds: idsCell(generic, 'collectionIds', idsRequest, ids),
        name: textCell(generic, 'name', fullRequest, text),
        Version: headerCell(generic, 'Version', fullRequest, '2021-07-28'),
        Authorization: headerCell(generic, 'Authorization', fullRequest, `Bearer ${token}`),
      };
      const result: ApiResult = {
        cells,
        success:
          full.status === 200 && byIds.status === 200
            ? parsed(generic, byIds, highLevelPage)
            : `fail (${full.status})`,
        nulls: nulls.status === 200 ? parsed(generic, nulls, highLevelPage) : `fail (${nulls.status})`,
        errors:
          denied.status === 401
            ? parsed(generic, denied, (body) => isObject(body) && body.statusCode === 401)
            : `fail (${denied.status})`,
      };
      results[adapter.dir]!.apis.highlevel = result;
      expect(Object.values(cells).map((value) => value.result)).not.toContain('fail');
      expect((byIds.body as { data: unknown[] }).data).toHaveLength(2);
      expect([result.success, result.nulls, result.errors].every((value) => value.startsWith('ok'))).toBe(
        true,
      );
    });
  });

  describe('Shoplazza, through Prism (errors on) to the sandbox', () => {
    let wire: Awaited<ReturnType<typeof withWire<'shoplazza'>>>;
    beforeAll(async () => {
      wire = await withWire(
        'shoplazza',
        () => declaredExample('shoplazza', '/openapi/2022-01/collections', '200', 'nullFields'),
        'title',
      );
    });
    afterAll(() => Promise.all([wire.recorder.close(), wire.sandbox.close()]));

    it('sends every parameter and header as documented, and the answers parse into its types', async () => {
      const client = adapter.shoplazza;
      const { dataset } = wire.sandbox.sandbox;
      const ids = dataset.items.slice(0, 2).map((record) => record.collection.id);
      const call = (query: Parameters<typeof client.list>[0]['query'], secret = token) =>
        client.list({ baseUrl: wire.recorder.url, token: secret, query });

      const full = await call({
        ids: ids.join(','),
        title: text,
        updated_at_min: '2020-01-01T00:00:00Z',
        updated_at_max: '2030-12-31T23:59:59Z',
        product_id: dataset.productIds[0] ?? '4b5f2d0e-8c1a-4f7e-9d3b-2a6c8e1f0b9d',
        page: 1,
        limit: 50,
      });
      const byIds = await call({ ids: ids.join(',') });
      const nulls = await call({ title: NULLS });
      const denied = await call({}, 'wrong-token');
      const [fullRequest, idsRequest] = wire.recorder.requests as [WireRequest, WireRequest];
      const generic = client as ApiAdapter<never, string>;
      const cells = {
        ids: idsCell(generic, 'ids', idsRequest, ids),
        title: textCell(generic, 'title', fullRequest, text),
        'access-token': headerCell(generic, 'access-token', fullRequest, token),
        'Content-Type': headerCell(generic, 'Content-Type', fullRequest, 'application/json'),
        // The spec's server is the template https://{shop}.{domain}: every client is given the store's host.
        baseUrl: cell(generic, 'baseUrl', wire.recorder.requests.length === 4, 'the configured host'),
      };
      const result: ApiResult = {
        cells,
        success:
          full.status === 200 && byIds.status === 200
            ? parsed(generic, byIds, shoplazzaPage)
            : `fail (${full.status})`,
        nulls: nulls.status === 200 ? parsed(generic, nulls, shoplazzaPage) : `fail (${nulls.status})`,
        errors:
          denied.status === 401
            ? parsed(generic, denied, (body) => isObject(body) && ('error' in body || 'errors' in body))
            : `fail (${denied.status})`,
      };
      results[adapter.dir]!.apis.shoplazza = result;
      expect(Object.values(cells).map((value) => value.result)).not.toContain('fail');
      expect((byIds.body as { collections: unknown[] }).collections).toHaveLength(2);
      expect([result.success, result.nulls, result.errors].every((value) => value.startsWith('ok'))).toBe(
        true,
      );
    });
  });

  describe('Shoplazza 2025-06, through Prism (errors on) to the sandbox', () => {
    let wire: Awaited<ReturnType<typeof withWire<'shoplazza'>>>;
    beforeAll(async () => {
      wire = await withWire(
        'shoplazza',
        () => declaredExample('shoplazza', SHOPLAZZA_202506, '200', 'nullFields'),
        'title',
      );
    });
    afterAll(() => Promise.all([wire.recorder.close(), wire.sandbox.close()]));

    it('sends the cursor, page_size and every filter and header as documented; the answers parse', async () => {
      const client = adapter.shoplazza202506;
      const { dataset } = wire.sandbox.sandbox;
      const ids = dataset.items.slice(0, 2).map((record) => record.collection.id);
      const call = (query: Parameters<typeof client.list>[0]['query'], secret = token) =>
        client.list({ baseUrl: wire.recorder.url, token: secret, query });

      const full = await call({
        page_size: 5,
        ids: ids.join(','),
        title: text,
        updated_at_min: '2020-01-01T00:00:00Z',
        updated_at_max: '2030-12-31T23:59:59Z',
        product_id: dataset.productIds[0] ?? '4b5f2d0e-8c1a-4f7e-9d3b-2a6c8e1f0b9d',
      });
      const byIds = await call({ ids: ids.join(',') });
      const first = await call({ page_size: 10 });
      const cursor = (first.body as { data?: { cursor?: string } }).data?.cursor ?? '';
      const next = await call({ page_size: 10, cursor });
      const nulls = await call({ title: NULLS });
      const denied = await call({}, 'wrong-token');
      const [fullRequest, idsRequest, , nextRequest] = wire.recorder.requests as WireRequest[];
      const nextUrl = new URL(nextRequest?.url ?? '/', 'http://recorder.invalid');
      const generic = client as ApiAdapter<never, string>;
      const cells = {
        cursor: idsCell(generic, 'cursor', nextRequest!, [cursor]),
        page_size: cell(
          generic,
          'page_size',
          nextUrl.searchParams.getAll('page_size').join() === '10',
          `page_size=${nextUrl.searchParams.getAll('page_size').join('&page_size=')}`,
        ),
        ids: idsCell(generic, 'ids', idsRequest!, ids),
        title: textCell(generic, 'title', fullRequest!, text),
        'access-token': headerCell(generic, 'access-token', fullRequest!, token),
        'Content-Type': headerCell(generic, 'Content-Type', fullRequest!, 'application/json'),
        baseUrl: cell(generic, 'baseUrl', wire.recorder.requests.length === 6, 'the configured host'),
      };
      const pageIds = (outcome: typeof next) =>
        ((outcome.body as { data?: { collections?: { id: string }[] } }).data?.collections ?? []).map(
          (collection) => collection.id,
        );
      const result: ApiResult = {
        cells,
        success: [full, byIds, first, next].every((outcome) => outcome.status === 200)
          ? parsed(generic, next, shoplazza202506Page)
          : `fail (${[full, byIds, first, next].map((outcome) => outcome.status).join(', ')})`,
        nulls: nulls.status === 200 ? parsed(generic, nulls, shoplazza202506Page) : `fail (${nulls.status})`,
        errors:
          denied.status === 401
            ? parsed(generic, denied, (body) => isObject(body) && ('error' in body || 'errors' in body))
            : `fail (${denied.status})`,
      };
      results[adapter.dir]!.apis.shoplazza202506 = result;
      // The exact request line: the versioned path, and nothing but page_size and the cursor it was given.
      expect(nextUrl.pathname).toBe(SHOPLAZZA_202506);
      expect([...nextUrl.searchParams.keys()].sort()).toEqual(['cursor', 'page_size']);
      expect(
        wire.recorder.requests.map((request) => new URL(request.url, 'http://recorder.invalid').pathname),
      ).toEqual(Array(6).fill(SHOPLAZZA_202506));
      expect(Object.values(cells).map((value) => value.result)).not.toContain('fail');
      // The cursor carried the listing on: the second page is the dataset's next ten, in order.
      const order = dataset.items.map((record) => record.collection.id);
      expect([pageIds(first), pageIds(next)]).toEqual([order.slice(0, 10), order.slice(10, 20)]);
      expect(pageIds(byIds)).toEqual(ids);
      expect([result.success, result.nulls, result.errors].every((value) => value.startsWith('ok'))).toBe(
        true,
      );
    });
  });
});

afterAll(() => {
  mkdirSync(join(packageDir, 'reports'), { recursive: true });
  writeFileSync(join(packageDir, 'reports', 'wire.json'), `${JSON.stringify(results, null, 2)}\n`);
});
