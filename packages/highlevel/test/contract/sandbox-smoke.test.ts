import { type Exchange, recordingFetch } from '@commerce-collections/contract';
import { describe, expect, inject, it } from 'vitest';
import { AuthenticationError, createHighLevelClient, type HighLevelCollection } from '../../src/index';
import './provided-context';

// The stateful sandbox behind a validating Prism proxy (errors on): a request that breaks the spec is refused
// and a response that breaks it becomes a 500, so a passing call proves both directions conform.
describe('HighLevel client against the validated sandbox', () => {
  const log: Exchange[] = [];
  const client = (token = 'sandbox-token') =>
    createHighLevelClient({
      token,
      locationId: '6578278e879ad2646715ba9c',
      baseUrl: inject('highlevelSandboxUrl'),
      fetch: recordingFetch(log),
      retry: false,
    });

  it('pages through every collection with offset and limit', async () => {
    const highLevel = client();
    const first = await highLevel.listCollections({ limit: 100 });
    expect(first.total).toBeGreaterThan(100);
    const all: HighLevelCollection[] = [...first.data];
    for (let offset = 100; offset < first.total; offset += 100) {
      const page = await highLevel.listCollections({ limit: 100, offset });
      expect(page.total).toBe(first.total);
      all.push(...page.data);
    }
    expect(all).toHaveLength(first.total);
    expect(new Set(all.map((item) => item._id)).size).toBe(first.total);
  });

  it('filters by collectionIds and by name', async () => {
    const highLevel = client();
    const { data } = await highLevel.listCollections({ limit: 5 });
    const ids = data.slice(0, 2).map((item) => item._id);
    const byIds = await highLevel.listCollections({ collectionIds: ids });
    expect(byIds.data.map((item) => item._id).sort()).toEqual([...ids].sort());
    const name = data[0]!.name;
    const byName = await highLevel.listCollections({ name });
    expect(byName.data.some((item) => item.name === name)).toBe(true);
  });

  it('maps a refused token to AuthenticationError', async () => {
    const error = await client('wrong-token')
      .listCollections()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).status).toBe(401);
    expect((error as AuthenticationError).messages.length).toBeGreaterThan(0);
  });

  it('saw no sl-violations', () => {
    expect(log.length).toBeGreaterThan(3);
    expect(log.filter((exchange) => exchange.violations.length > 0)).toEqual([]);
  });
});
