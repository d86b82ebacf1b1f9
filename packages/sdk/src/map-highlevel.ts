import type { HighLevelCollection } from '@commerce-collections/highlevel';
import { absoluteUrl } from './absolute-url';
import type { CollectionOf, CollectionSeo } from './collection';

// Optional fields are read with `?? undefined`: a server may send `null` for a field it has no value for, and the
// model promises `T | undefined` (absent), never `null` (see the README, "The model").

function seoOf(seo: HighLevelCollection['seo']): CollectionSeo | undefined {
  if (seo === undefined || seo === null) return undefined;
  return { title: seo.title ?? undefined, description: seo.description ?? undefined, keywords: [] };
}

/**
 * HighLevel item → shared model. Hot path: one object literal with fixed keys, fields read one by one (no
 * spreads, so keys such as `__proto__` or `constructor` in a response are never copied), no closures.
 */
export function mapHighLevelCollection(item: HighLevelCollection): CollectionOf<'highlevel'> {
  const slug = item.slug;
  return {
    provider: 'highlevel',
    id: item._id,
    title: item.name,
    handle: typeof slug === 'string' && slug.length > 0 ? slug : item._id,
    description: undefined,
    imageUrl: absoluteUrl(item.image),
    seo: seoOf(item.seo),
    smart: undefined,
    sortOrder: undefined,
    createdAt: item.createdAt ?? undefined,
    updatedAt: undefined,
    raw: item,
  };
}
