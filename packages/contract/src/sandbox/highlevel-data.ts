import { SandboxDataset } from './dataset';
import { createSeededRandom } from './random';

/** A HighLevel product collection as `GET /products/collections` returns it. */
export interface HighLevelCollection {
  _id: string;
  altId: string;
  name: string;
  slug: string;
  image: string;
  seo: { title: string; description: string };
  createdAt: string;
}

export type HighLevelDataset = SandboxDataset<HighLevelCollection>;

const adjectives = [
  'Summer',
  'Winter',
  'Best',
  'New',
  'Classic',
  'Limited',
  'Eco',
  'Premium',
  'Everyday',
  'Outdoor',
];
const nouns = [
  'Sellers',
  'Arrivals',
  'Essentials',
  'Gifts',
  'Deals',
  'Picks',
  'Basics',
  'Favourites',
  'Gear',
  'Edit',
];

/** Deterministic collections for one location: same seed and count, same bytes. */
export function generateHighLevelCollections(options: {
  count: number;
  seed: string;
  locationId: string;
}): HighLevelCollection[] {
  const random = createSeededRandom(`highlevel:${options.seed}`);
  const start = Date.UTC(2024, 0, 1);
  return Array.from({ length: options.count }, (_, index) => {
    const name = `${random.pick(adjectives)} ${random.pick(nouns)} ${index + 1}`;
    const slug = name.toLowerCase().replaceAll(' ', '-');
    // One collection every ~3 hours, so createdAt is strictly increasing in dataset order.
    const createdAt = new Date(start + index * 10_800_000 + random.int(0, 3_599_999)).toISOString();
    return {
      _id: random.hex(24),
      altId: options.locationId,
      name,
      slug,
      image: `https://storage.googleapis.com/msgsndr/${options.locationId}/media/${random.hex(24)}.jpeg`,
      seo: { title: name, description: `Shop the ${name} collection.` },
      createdAt,
    };
  });
}

export function createHighLevelDataset(options: {
  count: number;
  seed: string;
  locationId: string;
}): HighLevelDataset {
  return new SandboxDataset(generateHighLevelCollections(options), (item) => item._id);
}
