import type { SharedClientOptions } from '@commerce-collections/runtime';
import { type OptionsOf, type ProviderName, providerNames } from './adapters/registry';

/** The behaviour options every client takes (runtime's); set here they apply to all unless a block sets its own. */
export type { SharedClientOptions };

/** One block per provider (`highlevel`, `shoplazza`): that client's options. At least one is required. */
export type ProviderBlocks = { [P in ProviderName]?: OptionsOf<P> };

export interface CollectionsClientOptions extends SharedClientOptions, ProviderBlocks {
  /** Offset-style (HighLevel) pages requested at once while listing (and the most pages buffered), 1–16. Default 4. */
  concurrency?: number;
  /**
   * Page-number listing (Shoplazza): check every page boundary with a one-item probe request (one extra request
   * per page), so a collection deleted mid-listing is re-read instead of missed. Default true. `false` is faster,
   * but a collection deleted mid-listing can be missed silently. `listPage` never probes.
   */
  verifyPageBoundaries?: boolean;
}

export const DEFAULT_CONCURRENCY = 4;
export const MAX_CONCURRENCY = 16;

const SHARED_KEYS = ['fetch', 'retry', 'timeoutMs', 'logger', 'logLevel', 'hooks', 'maxBodyBytes'] as const;
export const OPTION_KEYS = new Set<string>([
  ...providerNames,
  'concurrency',
  'verifyPageBoundaries',
  ...SHARED_KEYS,
]);

/** A provider block with the shared options filled in where the block leaves them out. */
export function withShared<T extends SharedClientOptions>(block: T, shared: SharedClientOptions): T {
  const merged = { ...block } as Record<string, unknown>;
  for (const key of SHARED_KEYS) if (merged[key] === undefined) merged[key] = shared[key];
  return merged as T;
}
