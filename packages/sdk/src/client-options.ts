import type { HighLevelClientOptions } from '@commerce-collections/highlevel';
import type { SharedClientOptions } from '@commerce-collections/runtime';
import type { ShoplazzaClientOptions } from '@commerce-collections/shoplazza';

/** The behaviour options both clients take (runtime's); set here they apply to both unless a block sets its own. */
export type { SharedClientOptions };

export interface CollectionsClientOptions extends SharedClientOptions {
  /** Configures HighLevel. At least one of `highlevel` and `shoplazza` is required. */
  highlevel?: HighLevelClientOptions;
  shoplazza?: ShoplazzaClientOptions;
  /** HighLevel pages requested at once while listing (and the most pages buffered), 1–16. Default 4. */
  concurrency?: number;
  /**
   * Shoplazza listing: check every page boundary with a one-item probe request (one extra request per page), so
   * a collection deleted mid-listing is re-read instead of missed. Default true. `false` is faster, but a
   * collection deleted mid-listing can be missed silently. `listPage` never probes.
   */
  verifyPageBoundaries?: boolean;
}

export const DEFAULT_CONCURRENCY = 4;
export const MAX_CONCURRENCY = 16;

export const SHARED_KEYS = [
  'fetch',
  'retry',
  'timeoutMs',
  'logger',
  'logLevel',
  'hooks',
  'maxBodyBytes',
] as const;

/** A provider block with the shared options filled in where the block leaves them out. Setup only, not hot. */
export function withShared<T extends SharedClientOptions>(block: T, shared: SharedClientOptions): T {
  const merged = { ...block };
  for (const key of SHARED_KEYS) {
    if (merged[key] === undefined && shared[key] !== undefined) {
      (merged as Record<string, unknown>)[key] = shared[key];
    }
  }
  return merged;
}
