import { describe, expect, it } from 'vitest';
import { highLevelAdapter } from '../../src/adapters/highlevel';
import { shoplazzaAdapter } from '../../src/adapters/shoplazza';
import type { Collection, HighLevelCollection, ShoplazzaCollection } from '../../src/index';

const mapHighLevelCollection = highLevelAdapter.toCollection;
const mapShoplazzaCollection = shoplazzaAdapter.toCollection;

import { clientFor, collect } from './clients';
import { fakeHighLevel, fakeShoplazza } from './fake-servers';

describe('HighLevel → Collection', () => {
  it('maps every field', () => {
    const raw: HighLevelCollection = {
      _id: '65d71377c326ea78e1c47df5',
      altId: 'loc-1',
      name: 'Best Sellers',
      slug: 'best-sellers',
      image: 'https://storage.googleapis.com/msgsndr/loc/media/best.png',
      seo: { title: 'Best', description: 'Our best' },
      createdAt: '2024-02-22T09:30:31.123Z',
    };
    const mapped = mapHighLevelCollection(raw);
    expect(mapped).toStrictEqual({
      provider: 'highlevel',
      id: '65d71377c326ea78e1c47df5',
      title: 'Best Sellers',
      handle: 'best-sellers',
      description: undefined,
      imageUrl: 'https://storage.googleapis.com/msgsndr/loc/media/best.png',
      seo: { title: 'Best', description: 'Our best', keywords: [] },
      smart: undefined,
      sortOrder: undefined,
      createdAt: '2024-02-22T09:30:31.123Z',
      updatedAt: undefined,
      raw,
    });
    expect(mapped.raw).toBe(raw);
  });

  it('handle falls back to _id without a slug; missing optionals are undefined', () => {
    const mapped = mapHighLevelCollection({ _id: 'abc', name: 'Plain' });
    expect(mapped.handle).toBe('abc');
    expect(mapHighLevelCollection({ _id: 'abc', name: 'Plain', slug: '' }).handle).toBe('abc');
    expect(mapped.imageUrl).toBeUndefined();
    expect(mapped.seo).toBeUndefined();
    expect(mapped.createdAt).toBeUndefined();
  });

  it('makes a protocol-relative image absolute and drops a host-less one', () => {
    expect(mapHighLevelCollection({ _id: 'a', name: 'A', image: '//cdn.example/x.png' }).imageUrl).toBe(
      'https://cdn.example/x.png',
    );
    expect(mapHighLevelCollection({ _id: 'a', name: 'A', image: 'x.png' }).imageUrl).toBeUndefined();
  });

  it('never copies __proto__ or constructor keys from the response', () => {
    const raw = JSON.parse(
      '{"_id":"a","name":"A","__proto__":{"polluted":true},"constructor":{"prototype":{"bad":1}},"seo":{"__proto__":{"x":1}}}',
    );
    const mapped = mapHighLevelCollection(raw);
    expect(Object.getPrototypeOf(mapped)).toBe(Object.prototype);
    expect(Object.hasOwn(mapped, '__proto__')).toBe(false);
    expect(Object.hasOwn(mapped, 'constructor')).toBe(false);
    expect((mapped as unknown as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(mapped.seo)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('Shoplazza → Collection', () => {
  it('maps every field', () => {
    const raw: ShoplazzaCollection = {
      id: 'a60fe556-43ad-4e07-9125-507ac1bf71f7',
      title: 'Test-Collection',
      description: 'Desc',
      handle: 'test-collection',
      smart: false,
      image: { src: '//cdn.shoplazza.com/abc.png', width: 100, height: 50, alt: 'alt', path: 'abc.png' },
      seo_title: 'seo title',
      seo_description: 'seo desc',
      seo_keywords: ' summer, sale ,, shoes ,',
      sort_order: 'manual',
      created_at: '2024-04-16T10:31:13Z',
      updated_at: '2024-04-17T10:31:13Z',
    } as ShoplazzaCollection;
    const mapped = mapShoplazzaCollection(raw);
    expect(mapped).toStrictEqual({
      provider: 'shoplazza',
      id: 'a60fe556-43ad-4e07-9125-507ac1bf71f7',
      title: 'Test-Collection',
      handle: 'test-collection',
      description: 'Desc',
      imageUrl: 'https://cdn.shoplazza.com/abc.png',
      seo: { title: 'seo title', description: 'seo desc', keywords: ['summer', 'sale', 'shoes'] },
      smart: false,
      sortOrder: 'manual',
      createdAt: '2024-04-16T10:31:13Z',
      updatedAt: '2024-04-17T10:31:13Z',
      raw,
    });
    expect(mapped.raw).toBe(raw);
  });

  it('keeps absolute image URLs, unknown sort orders, and leaves missing optionals undefined', () => {
    const raw = {
      id: 'x',
      title: 'X',
      handle: 'x',
      image: { src: 'https://img.example/x.png' },
      sort_order: 'title-asc',
    } as ShoplazzaCollection;
    const mapped = mapShoplazzaCollection(raw);
    expect(mapped.imageUrl).toBe('https://img.example/x.png');
    expect(mapped.sortOrder).toBe('title-asc');
    expect(mapped.seo).toBeUndefined();
    expect(mapped.description).toBeUndefined();
    expect(mapped.smart).toBeUndefined();
    expect(mapped.createdAt).toBeUndefined();
    expect(mapped.updatedAt).toBeUndefined();
  });

  it('seo with only keywords; empty keywords give []', () => {
    expect(
      mapShoplazzaCollection({ id: 'x', title: 'X', handle: 'x', seo_keywords: 'a' } as ShoplazzaCollection)
        .seo,
    ).toEqual({ title: undefined, description: undefined, keywords: ['a'] });
    expect(
      mapShoplazzaCollection({ id: 'x', title: 'X', handle: 'x', seo_keywords: ' , ' } as ShoplazzaCollection)
        .seo?.keywords,
    ).toEqual([]);
  });

  it('an image without src (or a null image) gives no imageUrl', () => {
    expect(
      mapShoplazzaCollection({ id: 'x', title: 'X', handle: 'x', image: {} } as ShoplazzaCollection).imageUrl,
    ).toBeUndefined();
    expect(
      mapShoplazzaCollection({
        id: 'x',
        title: 'X',
        handle: 'x',
        image: null,
      } as unknown as ShoplazzaCollection).imageUrl,
    ).toBeUndefined();
  });

  it('never copies __proto__ or constructor keys from the response', () => {
    const raw = JSON.parse(
      '{"id":"a","title":"A","handle":"a","__proto__":{"polluted":true},"constructor":1}',
    );
    const mapped = mapShoplazzaCollection(raw);
    expect(Object.getPrototypeOf(mapped)).toBe(Object.prototype);
    expect(Object.hasOwn(mapped, 'constructor')).toBe(false);
    expect((mapped as unknown as Record<string, unknown>).polluted).toBeUndefined();
  });
});

/** Every value of the model, outside `raw`, that is `null` (the model says `T | undefined`, never null). */
function nullsOutsideRaw(collection: Collection): string[] {
  const found: string[] = [];
  const visit = (value: unknown, path: string): void => {
    if (value === null) found.push(path);
    else if (typeof value === 'object' && value !== undefined)
      for (const [key, inner] of Object.entries(value)) visit(inner, `${path}.${key}`);
  };
  for (const [key, value] of Object.entries(collection)) if (key !== 'raw') visit(value, key);
  return found;
}

describe('optional fields sent as null come out of list() as undefined (absent), both providers', () => {
  it('Shoplazza: a page of items whose every optional field is null', async () => {
    const items = [
      {
        id: 'sl-1',
        title: 'All null',
        handle: 'all-null',
        description: null,
        smart: null,
        image: null,
        seo_title: null,
        seo_description: null,
        seo_keywords: null,
        sort_order: null,
        created_at: null,
        updated_at: null,
      },
      {
        id: 'sl-2',
        title: 'Null image fields',
        handle: 'null-image',
        image: { src: null, width: null, height: null, alt: null, path: null },
        seo_title: 'Only the title',
        seo_description: null,
        seo_keywords: null,
      },
    ] as unknown as ShoplazzaCollection[];
    const server = fakeShoplazza(items);
    const listed = await collect(clientFor({ shoplazza: server }).list({ provider: 'shoplazza' }));
    expect(listed.map(nullsOutsideRaw)).toEqual([[], []]);
    expect(listed[0]).toMatchObject({ description: undefined, smart: undefined, imageUrl: undefined });
    expect([listed[0]!.seo, listed[0]!.sortOrder, listed[0]!.createdAt, listed[0]!.updatedAt]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(listed[1]!.seo).toStrictEqual({ title: 'Only the title', description: undefined, keywords: [] });
    expect(listed[1]!.imageUrl).toBeUndefined();
    // raw stays the provider's item, untouched.
    expect(listed[0]!.raw).toStrictEqual(items[0]);
  });

  it('HighLevel: a page of items whose every optional field is null', async () => {
    const items = [
      { _id: 'hl-1', name: 'All null', altId: null, slug: null, image: null, seo: null, createdAt: null },
      { _id: 'hl-2', name: 'Null seo fields', seo: { title: null, description: null } },
    ] as unknown as HighLevelCollection[];
    const server = fakeHighLevel(items);
    const listed = await collect(clientFor({ highlevel: server }).list({ provider: 'highlevel' }));
    expect(listed.map(nullsOutsideRaw)).toEqual([[], []]);
    expect(listed[0]).toMatchObject({ handle: 'hl-1', imageUrl: undefined, seo: undefined });
    expect(listed[0]!.createdAt).toBeUndefined();
    expect(listed[1]!.seo).toStrictEqual({ title: undefined, description: undefined, keywords: [] });
  });
});
