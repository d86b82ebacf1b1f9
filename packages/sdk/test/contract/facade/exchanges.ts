import { createSeededRandom } from '@commerce-collections/contract';
import type { Collection, HighLevelCollection, ShoplazzaCollection } from '../../../src/index';

export const TOKEN = 'facade-contract-token';
export const LOCATION = '6578278e879ad2646715ba9c'; // the spec's altId example
export const HIGHLEVEL_PATH = '/products/collections';
export const SHOPLAZZA_PATH = '/openapi/2022-01/collections';

export {
  declaredExample as exampleValue,
  type Exchange,
  recordingFetch,
} from '@commerce-collections/contract';

/** A deterministic generator, so a seed fully describes a sweep case. */
export const seededRandom = (seed: number): (() => number) => createSeededRandom(String(seed)).next;

// The README's mapping table, written out independently of src/map-*.ts, as the oracle for typed results.
const absolute = (value: unknown): string | undefined => {
  if (typeof value !== 'string') return undefined;
  if (/^\/\/[^/]/.test(value)) return `https:${value}`;
  return /^https?:\/\//.test(value) ? value : undefined;
};
const keywords = (value: unknown): string[] =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((keyword) => keyword.trim())
        .filter((keyword) => keyword !== '')
    : [];

/** A field sent as null is absent in the model (the README, "The model"). */
const absent = <T>(value: T | null | undefined): T | undefined => (value === null ? undefined : value);

export function expectedHighLevel(raw: HighLevelCollection): Collection {
  return {
    provider: 'highlevel',
    id: raw._id,
    title: raw.name,
    handle: raw.slug ? raw.slug : raw._id,
    description: undefined,
    imageUrl: absolute(raw.image),
    seo: raw.seo
      ? { title: absent(raw.seo.title), description: absent(raw.seo.description), keywords: [] }
      : undefined,
    smart: undefined,
    sortOrder: undefined,
    createdAt: absent(raw.createdAt),
    updatedAt: undefined,
    raw,
  };
}

export function expectedShoplazza(raw: ShoplazzaCollection): Collection {
  const hasSeo =
    absent(raw.seo_title) !== undefined ||
    absent(raw.seo_description) !== undefined ||
    absent(raw.seo_keywords) !== undefined;
  return {
    provider: 'shoplazza',
    id: raw.id,
    title: raw.title,
    handle: raw.handle,
    description: absent(raw.description),
    imageUrl: raw.image ? absolute(raw.image.src) : undefined,
    seo: hasSeo
      ? {
          title: absent(raw.seo_title),
          description: absent(raw.seo_description),
          keywords: keywords(raw.seo_keywords),
        }
      : undefined,
    smart: absent(raw.smart),
    sortOrder: absent(raw.sort_order),
    createdAt: absent(raw.created_at),
    updatedAt: absent(raw.updated_at),
    raw,
  };
}

/**
 * The model's invariants for any item, whatever the provider sent: a failure message names the seed. Returns the
 * list of broken invariants (empty when the item is fine), so one assertion reports them all.
 */
export function brokenInvariants(item: Collection): string[] {
  const broken: string[] = [];
  for (const key of ['id', 'title', 'handle'] as const) {
    if (typeof item[key] !== 'string') broken.push(`${key} is ${typeof item[key]}`);
  }
  if (item.handle === '') broken.push('handle is empty');
  if (item.imageUrl !== undefined && !/^https?:\/\/[^/]/.test(item.imageUrl)) {
    broken.push(`imageUrl ${JSON.stringify(item.imageUrl)} is not absolute`);
  }
  if (item.seo !== undefined) {
    if (!Array.isArray(item.seo.keywords)) broken.push('seo.keywords is not an array');
    else if (item.seo.keywords.some((k) => typeof k !== 'string' || k === '' || k !== k.trim())) {
      broken.push(`seo.keywords ${JSON.stringify(item.seo.keywords)} has an empty or untrimmed entry`);
    }
    if (item.provider === 'highlevel' && item.seo.keywords.length > 0)
      broken.push('HighLevel seo has keywords');
  }
  if (item.provider === 'highlevel') {
    if (item.id !== item.raw._id) broken.push('id is not raw._id');
    if (item.title !== item.raw.name) broken.push('title is not raw.name');
  } else {
    if (item.id !== item.raw.id) broken.push('id is not raw.id');
    if (item.handle !== item.raw.handle) broken.push('handle is not raw.handle');
  }
  const keys = Object.keys(item).sort();
  const expectedKeys = [
    'createdAt',
    'description',
    'handle',
    'id',
    'imageUrl',
    'provider',
    'raw',
    'seo',
    'smart',
    'sortOrder',
    'title',
    'updatedAt',
  ];
  if (keys.join() !== expectedKeys.join()) broken.push(`keys ${keys.join()}`);
  return broken;
}
