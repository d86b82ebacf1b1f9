import {
  createCoverageTracker,
  declaredExample,
  type Exchange,
  listDeclaredResponses,
  recordingFetch,
} from '@commerce-collections/contract';
import { describe, expect, inject, it } from 'vitest';
import {
  type ApiError,
  AuthenticationError,
  BadRequestError,
  createShoplazzaClient,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  type ShoplazzaApiVersion,
  UnprocessableEntityError,
} from '../../src/index';
import './provided-context';

const REQUEST_ID = '9d3f1c2b-5a7e-4f60-8b1d-0c2e4a6f8b10'; // the spec's Request-Id header example
const errorClasses: Record<string, abstract new (...args: never[]) => ApiError> = {
  '400': BadRequestError,
  '401': AuthenticationError,
  '403': PermissionDeniedError,
  '404': NotFoundError,
  '422': UnprocessableEntityError,
  '429': RateLimitError,
  '500': ServerError,
};

// Every operation × declared status × named example of the bundled spec, through the client, with Prism's
// `Prefer: code=…, example=…` choosing the answer.
describe('Shoplazza coverage matrix (Prism mock, examples)', () => {
  const tracker = createCoverageTracker('shoplazza');
  const log: Exchange[] = [];
  const cases = listDeclaredResponses('shoplazza').flatMap((declared) =>
    declared.exampleNames.map((example) => ({ ...declared, example })),
  );

  const clientPreferring = (prefer: string, apiVersion?: ShoplazzaApiVersion) =>
    createShoplazzaClient({
      apiVersion,
      token: 'contract-token',
      baseUrl: inject('shoplazzaMockUrl'),
      fetch: recordingFetch(log, prefer),
      retry: false, // one exchange per case: the mock would answer a retry identically
      rateLimit: false,
    });

  it('declares something to cover', () => {
    expect(cases.length).toBeGreaterThanOrEqual(22);
    expect(new Set(cases.map((c) => c.operationId))).toEqual(
      new Set(['listCollections', 'listCollections202506']),
    );
  });

  it.each(cases)('$operationId $status $example', async ({ operationId, path, status, example }) => {
    const v2025 = operationId === 'listCollections202506';
    expect(operationId).toBe(v2025 ? 'listCollections202506' : 'listCollections');
    const prefer = `code=${status}, example=${example}`;
    const client = v2025 ? clientPreferring(prefer, '2025-06') : clientPreferring(prefer);
    const expected = declaredExample('shoplazza', path, status, example);
    const call = () =>
      v2025
        ? client.listCollections({ page_size: 50 } as never)
        : client.listCollections({ limit: 50 } as never);
    if (status.startsWith('2') && v2025) {
      const { data } = expected as { data: { collections: unknown; cursor?: string; has_more: boolean } };
      expect(await call()).toEqual({
        collections: data.collections,
        cursor: data.has_more ? data.cursor : undefined,
        hasMore: data.has_more,
        requestId: REQUEST_ID,
      });
    } else if (status.startsWith('2')) {
      const page = await client.listCollections({ limit: 50, page: 1 } as never);
      expect(page).toEqual({
        collections: (expected as { collections: unknown }).collections,
        requestId: REQUEST_ID,
      });
    } else {
      const error = await call().catch((e: unknown) => e);
      const type = errorClasses[status];
      expect(type, `no typed error expected for ${status}`).toBeDefined();
      expect(error).toBeInstanceOf(type!);
      const apiError = error as ApiError;
      expect(apiError.status).toBe(Number(status));
      expect(apiError.requestId).toBe(REQUEST_ID);
      expect(apiError.body).toEqual(expected);
      const body = expected as { error?: string; errors?: string[]; message?: string };
      expect(apiError.messages).toEqual([
        ...(body.error === undefined ? [] : [body.error]),
        ...(body.errors ?? []),
        ...(body.message === undefined ? [] : [body.message]),
      ]);
      if (status === '429') expect((apiError as RateLimitError).retryAfterMs).toBe(1000);
    }
    const exchange = log.at(-1)!;
    expect(exchange.status).toBe(Number(status));
    expect(exchange.violations).toEqual([]);
    tracker.record(operationId, status, example);
  });

  it('left no declared (operation, status, example) unexercised', () => {
    expect(tracker.missing()).toEqual([]);
  });

  it('saw no sl-violations on any exchange', () => {
    expect(log.length).toBe(cases.length);
    expect(log.filter((exchange) => exchange.violations.length > 0)).toEqual([]);
  });
});
