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
  type ShoplazzaErrorBody,
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

  const clientPreferring = (prefer: string) =>
    createShoplazzaClient({
      token: 'contract-token',
      baseUrl: inject('shoplazzaMockUrl'),
      fetch: recordingFetch(log, prefer),
      retry: false, // one exchange per case: the mock would answer a retry identically
      rateLimit: false,
    });

  it('declares something to cover', () => {
    expect(cases.length).toBeGreaterThanOrEqual(11);
    expect(new Set(cases.map((c) => c.operationId))).toEqual(new Set(['listCollections']));
  });

  it.each(cases)('$operationId $status $example', async ({ operationId, path, status, example }) => {
    expect(operationId).toBe('listCollections');
    const client = clientPreferring(`code=${status}, example=${example}`);
    const expected = declaredExample('shoplazza', path, status, example);
    if (status.startsWith('2')) {
      const page = await client.listCollections({ limit: 50, page: 1 });
      expect(page).toEqual({
        collections: (expected as { collections: unknown }).collections,
        requestId: REQUEST_ID,
      });
    } else {
      const error = await client.listCollections({ limit: 50 }).catch((e: unknown) => e);
      const type = errorClasses[status];
      expect(type, `no typed error expected for ${status}`).toBeDefined();
      expect(error).toBeInstanceOf(type!);
      const apiError = error as ApiError;
      expect(apiError.status).toBe(Number(status));
      expect(apiError.requestId).toBe(REQUEST_ID);
      expect(apiError.body).toEqual(expected);
      const body = expected as ShoplazzaErrorBody;
      expect(apiError.messages).toEqual([
        ...('error' in body ? [body.error] : []),
        ...('errors' in body ? body.errors : []),
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
