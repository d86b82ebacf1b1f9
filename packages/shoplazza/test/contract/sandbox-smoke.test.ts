import { type Exchange, recordingFetch } from '@commerce-collections/contract';
import { describe, expect, inject, it } from 'vitest';
import { AuthenticationError, createShoplazzaClient, type ShoplazzaCollection } from '../../src/index';
import './provided-context';

// The stateful sandbox behind a validating Prism proxy (errors on): a request that breaks the spec is refused
// and a response that breaks it becomes a 500, so a passing call proves both directions conform. The client's
// default 2/s limiter matches the sandbox's; the two clocks are not the same, so a rare 429 is left to the
// client's normal retry (honouring Retry-After) rather than failing the smoke test.
describe('Shoplazza client against the validated sandbox', () => {
  const log: Exchange[] = [];
  const shoplazza = createShoplazzaClient({
    token: 'sandbox-token',
    baseUrl: inject('shoplazzaSandboxUrl'),
    fetch: recordingFetch(log),
  });

  it('pages through every collection until a short page', async () => {
    const all: ShoplazzaCollection[] = [];
    for (let page = 1; ; page++) {
      const { collections, requestId } = await shoplazza.listCollections({ page, limit: 100 });
      expect(requestId).toBeTypeOf('string');
      all.push(...collections);
      if (collections.length < 100) break;
    }
    expect(all.length).toBeGreaterThan(100);
    expect(new Set(all.map((item) => item.id)).size).toBe(all.length);
  });

  it('filters by ids and by title', async () => {
    const { collections } = await shoplazza.listCollections({ limit: 5 });
    const ids = collections.slice(0, 2).map((item) => item.id);
    const byIds = await shoplazza.listCollections({ ids });
    expect(byIds.collections.map((item) => item.id).sort()).toEqual([...ids].sort());
    const title = collections[0]!.title;
    const byTitle = await shoplazza.listCollections({ title });
    expect(byTitle.collections.some((item) => item.title === title)).toBe(true);
  });

  it('maps a refused token to AuthenticationError', async () => {
    const wrong = createShoplazzaClient({ token: 'wrong-token', baseUrl: inject('shoplazzaSandboxUrl') });
    const error = await wrong.listCollections().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).status).toBe(401);
    expect((error as AuthenticationError).requestId).toBeTypeOf('string');
  });

  it('saw no sl-violations', () => {
    expect(log.length).toBeGreaterThan(3);
    expect(log.filter((exchange) => exchange.violations.length > 0)).toEqual([]);
  });
});
