import {
  type FaultHook,
  type HighLevelCollection,
  type HighLevelDataset,
  type ShoplazzaCollectionRecord,
  type ShoplazzaDataset,
  startValidatedSandbox,
  type ValidatedSandbox,
} from '@commerce-collections/contract';
import { type CollectionsClientOptions, createCollectionsClient } from '../../src/index';

export const TOKEN = 'sandbox-token';
export const LOCATION = 'loc-contract';
export const SHOP = 'contract-shop';
// Rate limits scaled down 500-fold on both sides, so a 1000-item walk takes milliseconds, not minutes,
// while the client's limiter and the sandbox's 429s still do their work.
export const TIME_SCALE = 0.002;

export interface Harness {
  highlevel: ValidatedSandbox<'highlevel'>;
  shoplazza: ValidatedSandbox<'shoplazza'>;
  /** Swap the fault hook per test; undefined answers normally. */
  faults: {
    highlevel: FaultHook<HighLevelDataset, HighLevelCollection> | undefined;
    shoplazza: FaultHook<ShoplazzaDataset, ShoplazzaCollectionRecord> | undefined;
  };
  client(extra?: Partial<CollectionsClientOptions>): ReturnType<typeof createCollectionsClient>;
  /** Restore both datasets, clear request logs and faults, then keep only the first `size` collections. */
  reset(size?: { highlevel?: number; shoplazza?: number }): void;
  close(): Promise<void>;
}

/** Both sandboxes behind validating Prism proxies (real HTTP on 127.0.0.1), with switchable faults. */
export async function startHarness(collections = 1000): Promise<Harness> {
  const faults: Harness['faults'] = { highlevel: undefined, shoplazza: undefined };
  const highlevel = await startValidatedSandbox('highlevel', {
    collections,
    seed: 'sdk-contract',
    token: TOKEN,
    locationId: LOCATION,
    timeScale: TIME_SCALE,
    faults: (context) => faults.highlevel?.(context),
  });
  const shoplazza = await startValidatedSandbox('shoplazza', {
    collections,
    seed: 'sdk-contract',
    token: TOKEN,
    shop: SHOP,
    timeScale: TIME_SCALE,
    faults: (context) => faults.shoplazza?.(context),
  });
  return {
    highlevel,
    shoplazza,
    faults,
    client: (extra = {}) =>
      createCollectionsClient({
        highlevel: {
          token: TOKEN,
          locationId: LOCATION,
          baseUrl: highlevel.url,
          rateLimit: { limit: 100, intervalMs: 10_000 * TIME_SCALE },
        },
        shoplazza: {
          token: TOKEN,
          shop: SHOP,
          baseUrl: shoplazza.url,
          rateLimit: { ratePerSecond: 2 / TIME_SCALE, burst: 2 },
        },
        ...extra,
      }),
    reset(size = {}) {
      faults.highlevel = undefined;
      faults.shoplazza = undefined;
      highlevel.sandbox.reset();
      shoplazza.sandbox.reset();
      const hl = highlevel.sandbox.dataset;
      if (size.highlevel !== undefined) hl.remove(hl.items.slice(size.highlevel).map((item) => item._id));
      const sl = shoplazza.sandbox.dataset;
      if (size.shoplazza !== undefined) {
        sl.remove(sl.items.slice(size.shoplazza).map((record) => record.collection.id));
      }
    },
    async close() {
      await Promise.allSettled([highlevel.close(), shoplazza.close()]);
    },
  };
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}
