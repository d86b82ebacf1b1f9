import type { CursorOfStyle, ProviderAdapter } from './adapter';
import { type HighLevelQuery, highLevelAdapter } from './highlevel';
import { type ShoplazzaQuery, shoplazzaAdapter } from './shoplazza';

/**
 * Every provider the facade lists, in listing order (an all-providers listing walks them in this order).
 * Adding one: see CONTRIBUTING.md, "Add a provider". `satisfies` keeps the registry and ProviderQueries
 * complete: each provider needs both, and every piece of its adapter.
 */
export const adapters = {
  highlevel: highLevelAdapter,
  shoplazza: shoplazzaAdapter,
} satisfies { [P in keyof ProviderQueries]: ProviderAdapter<P> };

export type ProviderName = keyof typeof adapters;

/** Each provider's query: the common filters plus what its API alone has (see the adapter modules). */
export interface ProviderQueries {
  highlevel: HighLevelQuery;
  shoplazza: ShoplazzaQuery;
}

export const providerNames = Object.keys(adapters) as ProviderName[];

/** The engine's view of an adapter: any provider, its types erased. */
export type AnyAdapter = ProviderAdapter<ProviderName>;

export function adapterOf(provider: ProviderName): AnyAdapter {
  return adapters[provider] as AnyAdapter;
}

/** The adapters of a client's configured providers: per client, since a provider's version may pick its style. */
export type ConfiguredAdapters = Partial<Record<ProviderName, AnyAdapter>>;

type AdapterOf<P extends ProviderName> = (typeof adapters)[P];
export type ClientOf<P extends ProviderName> = ReturnType<AdapterOf<P>['createClient']>;
export type OptionsOf<P extends ProviderName> = Parameters<AdapterOf<P>['createClient']>[0];
export type RawOf<P extends ProviderName> = ReturnType<AdapterOf<P>['toCollection']>['raw'];
export type CursorOf<P extends ProviderName> = CursorOfStyle<P, AdapterOf<P>['style']>;
