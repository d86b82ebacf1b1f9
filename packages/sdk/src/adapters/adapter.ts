import type { CollectionModel } from '../collection';

/** How a provider pages: the engine has one walk per style (walk-pages.ts) and knows styles, never providers. */
export type PaginationStyle = 'offset' | 'page-number' | 'cursor';

/** Offset style: pages by item index; the response counts every match (`total`). */
export type OffsetCursor<P extends string = string> = { provider: P; offset: number };
/** Page-number style: a page number only means something together with the page size. */
export type PageNumberCursor<P extends string = string> = { provider: P; page: number; pageSize: number };
/** Cursor style: the server's opaque token for the page (null: the first page). */
export type TokenCursor<P extends string = string> = { provider: P; token: string | null };

export type CursorOfStyle<P extends string, S extends PaginationStyle> = S extends 'offset'
  ? OffsetCursor<P>
  : S extends 'page-number'
    ? PageNumberCursor<P>
    : TokenCursor<P>;

/** Where `fetchPage` starts: an offset or page number, or (cursor style) the token, null for the first page. */
export type PositionOfStyle<S extends PaginationStyle> = S extends 'cursor' ? string | null : number;

/** One page as the engine sees it, whatever the provider's response looks like. */
export interface FetchedPage<Raw> {
  items: readonly Raw[];
  /** Offset style: how many items match in all. Other styles: undefined. */
  total?: number | undefined;
  /** Cursor style: the next page's token, undefined when the server says there is no more. */
  next?: string | undefined;
  requestId: string | undefined;
}

/** The facade's filters as the caller passed them; `toParams` validates them (through the client's rules). */
export type FilterValues = {
  [K in 'ids' | 'search' | 'updatedAfter' | 'updatedBefore' | 'productId']?: unknown;
};

/**
 * What a provider gives the facade: everything provider-specific lives in its adapter module. Methods (not
 * function properties), so a typed adapter is usable where the engine takes any adapter.
 */
export interface ProviderAdapter<
  Name extends string = string,
  Style extends PaginationStyle = PaginationStyle,
  Client = unknown,
  Options = unknown,
  Raw = unknown,
  Params = unknown,
> {
  /** The key in the registry, options, queries, cursors and errors. */
  readonly name: Name;
  /** For messages: "HighLevel". */
  readonly label: string;
  readonly style: Style;
  /** Facade filters the provider's API lacks: refused by name, never dropped or emulated. */
  readonly unsupported: readonly (keyof FilterValues)[];
  createClient(options: Options): Client;
  /** The facade's filters → the client's parameters, checked by the client's own exported validator. */
  toParams(filters: FilterValues, operation: string): Params;
  /** One page: `position` is the offset, the page number, or the token (PositionOfStyle). */
  fetchPage(
    client: Client,
    params: Params,
    position: PositionOfStyle<Style>,
    limit: number,
    signal: AbortSignal | undefined,
  ): Promise<FetchedPage<Raw>>;
  idOf(raw: Raw): string;
  /**
   * Only for a provider whose API versions page in different styles (Shoplazza's `apiVersion`): the adapter for
   * a client created from this one's `createClient`. createCollectionsClient asks once per client.
   */
  forClient?(client: Client): ProviderAdapter<Name, Style, Client, Options, Raw, Params>;
  /** Hot path: one object literal with fixed keys, fields read one by one (no spreads), no closures. */
  toCollection(raw: Raw): CollectionModel<Name, Raw>;
}

/** Types an adapter from its own members (name, style, client, options, item and parameters). */
export function defineAdapter<N extends string, S extends PaginationStyle, C, O, R, P>(
  adapter: ProviderAdapter<N, S, C, O, R, P>,
): ProviderAdapter<N, S, C, O, R, P> {
  return adapter;
}
