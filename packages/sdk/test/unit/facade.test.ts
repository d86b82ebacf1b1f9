import { describe, expect, it } from 'vitest';
import type { AttemptEvent, CollectionsPage, PageCursor } from '../../src/index';
import { clientFor, collect } from './clients';
import { fakeHighLevel, fakeShoplazza, highLevelItems, shoplazzaItems } from './fake-servers';

describe('the facade over both providers', () => {
  it('lists HighLevel then Shoplazza by default, each collection once', async () => {
    const highlevel = fakeHighLevel(highLevelItems(23));
    const shoplazza = fakeShoplazza(shoplazzaItems(17));
    const client = clientFor({ highlevel, shoplazza });
    const items = await collect(client.list({ pageSize: 10 }));
    expect(items.map((c) => c.id)).toEqual([
      ...highlevel.items.map((item) => item._id),
      ...shoplazza.items.map((item) => item.id),
    ]);
    expect(client.providers).toEqual(['highlevel', 'shoplazza']);
  });

  it('provider narrows the listing to one provider', async () => {
    const highlevel = fakeHighLevel(highLevelItems(3));
    const shoplazza = fakeShoplazza(shoplazzaItems(3));
    const client = clientFor({ highlevel, shoplazza });
    expect(
      (await collect(client.list({ provider: 'shoplazza' }))).every((c) => c.provider === 'shoplazza'),
    ).toBe(true);
    expect(highlevel.calls).toHaveLength(0);
  });

  it('listPage walks everything one cursor at a time, across providers, with JSON round-trips', async () => {
    const highlevel = fakeHighLevel(highLevelItems(12));
    const shoplazza = fakeShoplazza(shoplazzaItems(7));
    const client = clientFor({ highlevel, shoplazza });
    const ids: string[] = [];
    const cursors: PageCursor[] = [];
    let cursor: PageCursor | undefined;
    let page: CollectionsPage;
    do {
      page = await client.listPage({ pageSize: 5, ...(cursor && { cursor }) });
      cursors.push(page.cursor);
      ids.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor && JSON.parse(JSON.stringify(page.nextCursor));
    } while (cursor);
    expect(ids).toEqual([...highlevel.items.map((i) => i._id), ...shoplazza.items.map((i) => i.id)]);
    expect(cursors).toEqual([
      { provider: 'highlevel', offset: 0 },
      { provider: 'highlevel', offset: 5 },
      { provider: 'highlevel', offset: 10 },
      { provider: 'shoplazza', page: 1, pageSize: 5 },
      { provider: 'shoplazza', page: 2, pageSize: 5 },
    ]);
  });

  it('an empty provider still gives one (empty) page with its total', async () => {
    const highlevel = fakeHighLevel([]);
    const client = clientFor({ highlevel });
    const pages = await collect(client.listPages());
    expect(pages).toEqual([
      {
        provider: 'highlevel',
        items: [],
        cursor: { provider: 'highlevel', offset: 0 },
        nextCursor: undefined,
        total: 0,
        requestId: undefined,
      },
    ]);
  });

  it('HighLevel filters reach the wire with the provider names', async () => {
    const highlevel = fakeHighLevel(highLevelItems(3));
    const client = clientFor({ highlevel });
    await collect(client.list({ ids: ['hl-00000', 'hl-00001'], search: 'Collection', pageSize: 7 }));
    const query = highlevel.calls[0]!.searchParams;
    expect(query.get('collectionIds')).toBe('hl-00000,hl-00001');
    expect(query.get('name')).toBe('Collection');
    expect(query.get('limit')).toBe('7');
    expect(query.get('offset')).toBe('0');
    expect(query.get('altId')).toBe('loc-1');
  });

  it('shared options apply to both clients unless a provider block overrides them', async () => {
    const highlevel = fakeHighLevel(highLevelItems(2));
    const shoplazza = fakeShoplazza(shoplazzaItems(2));
    const shared: AttemptEvent[] = [];
    const own: AttemptEvent[] = [];
    const client = clientFor(
      { highlevel, shoplazza },
      {
        hooks: { onAttempt: (event) => shared.push(event) },
        shoplazza: {
          token: 'sl-secret-token',
          shop: 'demo',
          baseUrl: 'https://demo.example.test',
          fetch: shoplazza.fetch,
          rateLimit: false,
          hooks: { onAttempt: (event) => own.push(event) },
        },
      },
    );
    await collect(client.list());
    expect(shared.map((e) => e.provider)).toEqual(['highlevel']);
    // Shoplazza: the short page, then the empty page that confirms it was the last.
    expect(own.map((e) => e.provider)).toEqual(['shoplazza', 'shoplazza']);
  });

  it('exposes the underlying typed clients', () => {
    const highlevel = fakeHighLevel([]);
    const client = clientFor({ highlevel });
    expect(client.highlevel?.provider).toBe('highlevel');
    expect(client.highlevel?.locationId).toBe('loc-1');
    expect(client.shoplazza).toBeUndefined();
  });
});
