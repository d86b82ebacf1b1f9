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
  createHighLevelClient,
  RateLimitError,
  ServerError,
  UnprocessableEntityError,
} from '../../src/index';
import './provided-context';

const LOCATION = '6578278e879ad2646715ba9c';
const errorClasses: Record<string, abstract new (...args: never[]) => ApiError> = {
  '400': BadRequestError,
  '401': AuthenticationError,
  '422': UnprocessableEntityError,
  '429': RateLimitError,
  '500': ServerError,
  '502': ServerError,
  '503': ServerError,
  '504': ServerError,
};

// Every operation × declared status × named example of the bundled spec, through the client, with Prism's
// `Prefer: code=…, example=…` choosing the answer.
describe('HighLevel coverage matrix (Prism mock, examples)', () => {
  const tracker = createCoverageTracker('highlevel');
  const log: Exchange[] = [];
  const cases = listDeclaredResponses('highlevel').flatMap((declared) =>
    declared.exampleNames.map((example) => ({ ...declared, example })),
  );

  const clientPreferring = (prefer: string) =>
    createHighLevelClient({
      token: 'contract-token',
      locationId: LOCATION,
      baseUrl: inject('highlevelMockUrl'),
      fetch: recordingFetch(log, prefer),
      retry: false, // one exchange per case: the mock would answer a retry identically
      rateLimit: false,
    });

  it('declares something to cover', () => {
    expect(cases.length).toBeGreaterThanOrEqual(9);
    expect(new Set(cases.map((c) => c.operationId))).toEqual(new Set(['listCollections']));
  });

  it.each(cases)('$operationId $status $example', async ({ operationId, path, status, example }) => {
    expect(operationId).toBe('listCollections');
    const client = clientPreferring(`code=${status}, example=${example}`);
    const expected = declaredExample('highlevel', path, status, example) as Record<string, unknown>;
    if (status.startsWith('2')) {
      const page = await client.listCollections({ limit: 20, offset: 0 });
      expect(page.data).toEqual(expected.data);
      expect(page.total).toBe(expected.total);
      expect(page.requestId).toBeUndefined();
    } else {
      const error = await client.listCollections({ limit: 20 }).catch((e: unknown) => e);
      const type = errorClasses[status];
      expect(type, `no typed error expected for ${status}`).toBeDefined();
      expect(error).toBeInstanceOf(type!);
      const apiError = error as ApiError;
      expect(apiError.status).toBe(Number(status));
      expect(apiError.body).toEqual(expected);
      const message = expected.message;
      expect(apiError.messages[0]).toBe(Array.isArray(message) ? message[0] : message);
      if (status === '429') expect((apiError as RateLimitError).retryAfterMs).toBe(10_000);
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
