import {
  type HighLevelSandbox,
  highLevelErrorBodies,
  type ShoplazzaSandbox,
  shoplazzaErrorBodies,
  startHighLevelSandbox,
  startShoplazzaSandbox,
} from '@commerce-collections/contract';
import { SECRET_TOKEN } from './secrets';

export type ProviderName = 'highlevel' | 'shoplazza';

/** The largest data set a run uses; each run trims the sandbox's copy to the size it drew. */
export const MAX_ITEMS = 200;

/** Whatever the sandbox's fault hook should answer for one request; swapped per run. */
export type Router = (request: { requestIndex: number; url: URL }) => unknown;

/**
 * One sandbox per provider for a whole file, reset between runs (dataset, request log, counters). Its fault hook
 * delegates to `route`, which each run replaces with its own schedule. No server-side rate limit: the fault
 * schedule decides when a 429 happens.
 */
export interface ProviderRig {
  name: ProviderName;
  sandbox: HighLevelSandbox | ShoplazzaSandbox;
  route: Router;
  /** Back to the generated data, trimmed to the first `size` items; clears the log and the request counter. */
  reset(size: number): void;
  /** Ids in the order the API returns them. */
  ids(): string[];
  /** The provider block for createCollectionsClient, pointed at the sandbox, client-side rate limit off. */
  block(overrides?: Record<string, unknown>): Record<string, unknown>;
  /** The provider's own JSON error body, for 429/500 faults. */
  errorBody: unknown;
  /** A fresh collection for insert faults. */
  newItem(index: number): unknown;
  /** The id of a dataset item, as the sandbox stores it. */
  idOf(item: unknown): string;
  close(): Promise<void>;
}

/** The 2025-06 listing order (the sandbox's): created_at, then id. */
function byCreatedThenId(a: { collection: { id: string; created_at?: string | null } }, b: typeof a): number {
  const byTime = (a.collection.created_at ?? '').localeCompare(b.collection.created_at ?? '');
  return byTime !== 0 ? byTime : a.collection.id.localeCompare(b.collection.id);
}

export async function startRig(
  name: ProviderName,
  options: { latencyMs?: number; apiVersion?: '2022-01' | '2025-06' } = {},
): Promise<ProviderRig> {
  let route: Router = () => undefined;
  const faults = (context: { requestIndex: number; url: URL }) => route(context) as never; // the router returns the sandbox's own FaultAction shapes
  const common = {
    collections: MAX_ITEMS,
    seed: 'reliability',
    token: SECRET_TOKEN,
    rateLimit: false as const,
    latencyMs: options.latencyMs ?? 0,
    faults,
  };
  if (name === 'highlevel') {
    const sandbox = await startHighLevelSandbox(common);
    const idOf = (item: unknown) => (item as { _id: string })._id;
    return {
      name,
      sandbox,
      get route() {
        return route;
      },
      set route(next: Router) {
        route = next;
      },
      reset(size) {
        sandbox.reset();
        sandbox.dataset.remove(sandbox.dataset.items.slice(size).map(idOf));
      },
      ids: () => sandbox.dataset.items.map(idOf),
      block: (overrides = {}) => ({
        token: SECRET_TOKEN,
        locationId: sandbox.locationId,
        baseUrl: sandbox.url,
        rateLimit: false,
        ...overrides,
      }),
      errorBody: { statusCode: 500, message: 'Internal Server Error' },
      newItem: (index) => ({
        _id: `inserted${String(index).padStart(16, '0')}`,
        altId: sandbox.locationId,
        name: `Inserted ${index}`,
        slug: `inserted-${index}`,
        image: 'https://storage.googleapis.com/msgsndr/x/media/y.jpeg',
        seo: { title: `Inserted ${index}`, description: 'Inserted while listing.' },
        createdAt: '2024-06-01T00:00:00.000Z',
      }),
      idOf,
      close: () => sandbox.close(),
    };
  }
  const sandbox = await startShoplazzaSandbox(common);
  const idOf = (item: unknown) => (item as { collection: { id: string } }).collection.id;
  return {
    name,
    sandbox,
    get route() {
      return route;
    },
    set route(next: Router) {
      route = next;
    },
    reset(size) {
      sandbox.reset();
      sandbox.dataset.remove(sandbox.dataset.items.slice(size).map(idOf));
    },
    ids: () =>
      options.apiVersion === '2025-06'
        ? [...sandbox.dataset.items].sort(byCreatedThenId).map(idOf)
        : sandbox.dataset.items.map(idOf),
    block: (overrides = {}) => ({
      token: SECRET_TOKEN,
      shop: sandbox.shop,
      baseUrl: sandbox.url,
      rateLimit: false,
      ...(options.apiVersion === undefined ? {} : { apiVersion: options.apiVersion }),
      ...overrides,
    }),
    errorBody: shoplazzaErrorBodies.noContext,
    newItem: (index) => ({
      collection: {
        id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
        title: `Inserted ${index}`,
        description: '<p>Inserted while listing.</p>',
        handle: `inserted-${index}`,
        smart: false,
        image: { src: '//cdn.shoplazza.com/x.jpeg', width: 1, height: 1, alt: '', path: 'x.jpeg' },
        seo_title: `Inserted ${index}`,
        seo_description: '',
        seo_keywords: '',
        sort_order: 'manual',
        created_at: '2024-06-01T00:00:00Z',
        updated_at: '2024-06-01T00:00:00Z',
      },
      productIds: [],
    }),
    idOf,
    close: () => sandbox.close(),
  };
}

export { highLevelErrorBodies, shoplazzaErrorBodies };
