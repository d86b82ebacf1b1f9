import type { ShoplazzaCollection } from '@commerce-collections/shoplazza';
import { absoluteUrl } from './absolute-url';
import type { CollectionOf, CollectionSeo } from './collection';
import { splitKeywords } from './split-keywords';

function seoOf(item: ShoplazzaCollection): CollectionSeo | undefined {
  const title = item.seo_title;
  const description = item.seo_description;
  const keywords = item.seo_keywords;
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
    description: item.description,
    imageUrl: image === undefined || image === null ? undefined : absoluteUrl(image.src),
    seo: seoOf(item),
    smart: item.smart,
    sortOrder: item.sort_order,
    createdAt: item.created_at,
    updatedAt: item.updated_at,
    raw: item,
  };
}
