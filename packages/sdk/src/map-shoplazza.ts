import type { ShoplazzaCollection } from '@commerce-collections/shoplazza';
import { absoluteUrl } from './absolute-url';
import type { CollectionOf, CollectionSeo } from './collection';
import { splitKeywords } from './split-keywords';

// Every optional field is read with `?? undefined`: a server may send `null` for a field it has no value for, and
// the model promises `T | undefined` (absent), never `null` (see the README, "The model").

function seoOf(item: ShoplazzaCollection): CollectionSeo | undefined {
  const title = item.seo_title ?? undefined;
  const description = item.seo_description ?? undefined;
  const keywords = item.seo_keywords ?? undefined;
  if (title === undefined && description === undefined && keywords === undefined) return undefined;
  return { title, description, keywords: splitKeywords(keywords) };
}

/**
 * Shoplazza item → shared model. Hot path: one object literal with fixed keys, fields read one by one (no
 * spreads, so keys such as `__proto__` or `constructor` in a response are never copied), no closures.
 */
export function mapShoplazzaCollection(item: ShoplazzaCollection): CollectionOf<'shoplazza'> {
  const image = item.image;
  return {
    provider: 'shoplazza',
    id: item.id,
    title: item.title,
    handle: item.handle,
    description: item.description ?? undefined,
    imageUrl: image === undefined || image === null ? undefined : absoluteUrl(image.src),
    seo: seoOf(item),
    smart: item.smart ?? undefined,
    sortOrder: item.sort_order ?? undefined,
    createdAt: item.created_at ?? undefined,
    updatedAt: item.updated_at ?? undefined,
    raw: item,
  };
}
