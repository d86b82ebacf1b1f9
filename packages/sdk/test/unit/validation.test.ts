import { describe, expect, it } from 'vitest';
import { createCollectionsClient, ValidationError } from '../../src/index';
import { clientFor } from './clients';
import { fakeHighLevel, fakeShoplazza, highLevelItems, shoplazzaItems } from './fake-servers';

const PRODUCT = '4b5f2d0e-8c1a-4f7e-9d3b-2a6c8e1f0b9d';

function both() {
  const highlevel = fakeHighLevel(highLevelItems(3));
  const shoplazza = fakeShoplazza(shoplazzaItems(3));
  return { highlevel, shoplazza, client: clientFor({ highlevel, shoplazza }) };
}

function catchSync(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('query validation: before any request', () => {
  it.each(['updatedAfter', 'updatedBefore', 'productId'] as const)(
    'HighLevel cannot filter by %s: ValidationError naming the provider and the filter',
    async (filter) => {
      const { highlevel, shoplazza, client } = both();
      const value = filter === 'productId' ? PRODUCT : '2024-01-01T00:00:00Z';
      for (const query of [{ [filter]: value }, { provider: 'highlevel', [filter]: value }]) {
        const error = catchSync(() => client.list(query as never));
        expect(error).toBeInstanceOf(ValidationError);
        expect(error).toMatchObject({ provider: 'highlevel', option: filter });
        expect((error as Error).message).toContain(filter);
        expect((error as Error).message).toContain('HighLevel');
        await expect(client.listPage(query as never)).rejects.toMatchObject({
          provider: 'highlevel',
          option: filter,
        });
        expect(() => client.listPages(query as never)).toThrow(ValidationError);
      }
      expect(highlevel.calls).toHaveLength(0);
      expect(shoplazza.calls).toHaveLength(0);
    },
  );

  it.each([0, -1, 101, Number.NaN, Number.POSITIVE_INFINITY, 1.5, '10', null])(
    'pageSize %s → ValidationError, nothing sent',
    async (pageSize) => {
      const { highlevel, shoplazza, client } = both();
      const error = catchSync(() => client.list({ pageSize } as never));
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ option: 'pageSize', rule: 'must be an integer from 1 to 100' });
      await expect(client.listPage({ provider: 'shoplazza', pageSize } as never)).rejects.toBeInstanceOf(
        ValidationError,
      );
      expect(highlevel.calls).toHaveLength(0);
      expect(shoplazza.calls).toHaveLength(0);
    },
  );

  it.each([
    [{ ids: [] }, 'ids'],
    [{ ids: ['a,b'] }, 'ids[0]'],
    [{ ids: 'a' }, 'ids'],
    [{ search: '' }, 'search'],
    [{ search: 'a\r\nb' }, 'search'],
    [{ provider: 'shopify' }, 'provider'],
    [{ pagesize: 10 }, 'pagesize'],
    [{ provider: 'shoplazza', updatedAfter: 'yesterday' }, 'updatedAfter'],
    [{ provider: 'shoplazza', updatedBefore: '2024-01-01T00:00:00' }, 'updatedBefore'],
    [
      { provider: 'shoplazza', updatedAfter: '2024-02-01T00:00:00Z', updatedBefore: '2024-01-01T00:00:00Z' },
      'updatedAfter',
    ],
    [{ provider: 'shoplazza', productId: 'a b' }, 'productId'],
    [{ provider: 'shoplazza', productId: '' }, 'productId'],
    [{ provider: 'shoplazza', productId: 'prod-1' }, 'productId'],
    [{ cursor: { provider: 'highlevel', offset: 0 } }, 'cursor'],
  ])('%j → ValidationError on %s', (query, option) => {
    const { highlevel, shoplazza, client } = both();
    const error = catchSync(() => client.list(query as never));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).option).toBe(option);
    expect(highlevel.calls).toHaveLength(0);
    expect(shoplazza.calls).toHaveLength(0);
  });

  it.each([
    { provider: 'highlevel', offset: -1 },
    { provider: 'highlevel', offset: '10' },
    { provider: 'shoplazza', page: 0, pageSize: 10 },
    { provider: 'shoplazza', page: 2, pageSize: 101 },
    { provider: 'shoplazza', page: 2 },
    { provider: 'other', offset: 0 },
    'highlevel:10',
  ])('bad cursor %j → ValidationError, nothing sent', async (cursor) => {
    const { highlevel, shoplazza, client } = both();
    await expect(client.listPage({ cursor } as never)).rejects.toMatchObject({ option: 'cursor' });
    expect(() => client.list({}, { resumeFrom: cursor as never })).toThrow(ValidationError);
    expect(highlevel.calls).toHaveLength(0);
    expect(shoplazza.calls).toHaveLength(0);
  });

  it('a cursor of a provider the query does not list is refused', () => {
    const { client } = both();
    expect(() =>
      client.list(
        { provider: 'highlevel' },
        { resumeFrom: { provider: 'shoplazza', page: 2, pageSize: 100 } },
      ),
    ).toThrow(/Shoplazza/);
  });

  it('a Shoplazza cursor with another pageSize is refused (page numbers would shift)', () => {
    const { client } = both();
    expect(() =>
      client.list(
        { provider: 'shoplazza', pageSize: 10 },
        { resumeFrom: { provider: 'shoplazza', page: 2, pageSize: 20 } },
      ),
    ).toThrow(ValidationError);
  });

  it('a provider that is not configured is refused by name', () => {
    const highlevel = fakeHighLevel(highLevelItems(1));
    const client = clientFor({ highlevel });
    const error = catchSync(() => client.list({ provider: 'shoplazza' }));
    expect(error).toMatchObject({ provider: 'shoplazza', option: 'provider' });
    expect((error as Error).message).toContain('Shoplazza is not configured');
    expect(highlevel.calls).toHaveLength(0);
  });

  it('Shoplazza-only filters are fine when only Shoplazza is listed', async () => {
    const { highlevel, shoplazza, client } = both();
    await client.listPage({
      provider: 'shoplazza',
      updatedAfter: new Date('2024-01-01T00:00:00.500Z'),
      updatedBefore: '2024-02-01T02:00:00+02:00',
      productId: PRODUCT,
    });
    expect(highlevel.calls).toHaveLength(0);
    const url = shoplazza.calls[0]!;
    expect(url.searchParams.get('updated_at_min')).toBe('2024-01-01T00:00:00Z');
    expect(url.searchParams.get('updated_at_max')).toBe('2024-02-01T00:00:00Z');
    expect(url.searchParams.get('product_id')).toBe(PRODUCT);
  });
});

describe('createCollectionsClient options', () => {
  it('needs at least one provider', () => {
    expect(() => createCollectionsClient({})).toThrow(/at least one provider is required/);
    expect(() => createCollectionsClient({})).toThrow(ValidationError);
  });

  it.each([0, -1, 17, 2.5, Number.NaN, '4'])('concurrency %s → ValidationError', (concurrency) => {
    const highlevel = fakeHighLevel([]);
    expect(() => clientFor({ highlevel }, { concurrency } as never)).toThrow(ValidationError);
  });

  it('refuses unknown options and non-object provider blocks', () => {
    expect(() => createCollectionsClient({ highlevel: 'x' } as never)).toThrow(ValidationError);
    expect(() =>
      createCollectionsClient({ shoplazza: { token: 't', shop: 's' }, concurency: 2 } as never),
    ).toThrow(/concurency/);
  });

  it('passes provider-client validation through, without echoing the token', () => {
    const error = catchSync(() =>
      createCollectionsClient({ highlevel: { token: 'bad token\n', locationId: 'x' } }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).not.toContain('bad token');
  });
});
