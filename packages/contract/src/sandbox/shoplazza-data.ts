import { SandboxDataset } from './dataset';
import { createSeededRandom } from './random';

/** A Shoplazza collection as `GET /openapi/2022-01/collections` returns it. */
export interface ShoplazzaCollection {
  id: string;
  title: string;
  description: string;
  handle: string;
  smart: boolean;
  image: { src: string; width: number; height: number; alt: string; path: string };
  seo_title: string;
  seo_description: string;
  seo_keywords: string;
  sort_order: string;
  created_at: string;
  updated_at: string;
}

/**
 * The sandbox keeps which products each collection holds beside the collection (the list endpoint never
 * returns it, but `product_id` filters on it).
 */
export interface ShoplazzaCollectionRecord {
  collection: ShoplazzaCollection;
  productIds: readonly string[];
}

export class ShoplazzaDataset extends SandboxDataset<ShoplazzaCollectionRecord> {
  /** Every product id that belongs to at least one generated collection. */
  readonly productIds: readonly string[];

  constructor(records: readonly ShoplazzaCollectionRecord[], productIds: readonly string[]) {
    super(records, (record) => record.collection.id);
    this.productIds = productIds;
  }
}

const themes = [
  'Spring',
  'Holiday',
  'Kids',
  'Home',
  'Travel',
  'Sport',
  'Vintage',
  'Studio',
  'Garden',
  'Night',
];
const kinds = ['Collection', 'Capsule', 'Selection', 'Drop', 'Series', 'Line', 'Set', 'Range'];
const productPoolSize = 40;

/** Shoplazza's wire format for timestamps: seconds precision, `Z`. */
export function formatShoplazzaTime(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 19)}Z`;
}

export function generateShoplazzaRecords(options: { count: number; seed: string; shop: string }): {
  records: ShoplazzaCollectionRecord[];
  productIds: string[];
} {
  const random = createSeededRandom(`shoplazza:${options.shop}:${options.seed}`);
  const productIds = Array.from({ length: productPoolSize }, () => random.uuid());
  const start = Date.UTC(2023, 5, 1);
  const records = Array.from({ length: options.count }, (_, index) => {
    const title = `${random.pick(themes)} ${random.pick(kinds)} ${index + 1}`;
    const handle = title.toLowerCase().replaceAll(' ', '-');
    const createdMs = start + index * 86_400_000 + random.int(0, 86_399) * 1000;
    const updatedMs = createdMs + random.int(0, 30 * 86_400) * 1000;
    const imageHex = random.hex(32);
    const members = new Set<string>();
    const memberCount = random.int(0, 4);
    while (members.size < memberCount) members.add(random.pick(productIds));
    const collection: ShoplazzaCollection = {
      id: random.uuid(),
      title,
      description: `<p>${title} from ${options.shop}.</p>`,
      handle,
      smart: random.int(0, 3) === 0,
      image: {
        src: `//cdn.shoplazza.com/${imageHex}.jpeg`,
        width: 800,
        height: 600,
        alt: title,
        path: `${imageHex}.jpeg`,
      },
      seo_title: title,
      seo_description: `Browse ${title}.`,
      seo_keywords: `${handle.split('-').slice(0, 2).join(',')}`,
      sort_order: 'manual',
      created_at: formatShoplazzaTime(createdMs),
      updated_at: formatShoplazzaTime(updatedMs),
    };
    return { collection, productIds: [...members] };
  });
  return { records, productIds };
}

export function createShoplazzaDataset(options: {
  count: number;
  seed: string;
  shop: string;
}): ShoplazzaDataset {
  const { records, productIds } = generateShoplazzaRecords(options);
  return new ShoplazzaDataset(records, productIds);
}
