import { isRecord, ValidationError, validateInteger } from '@commerce-collections/runtime/internal';
import type { ClientOf, ConfiguredAdapters, ProviderName } from './adapters/registry';
import { adapterOf, providerNames } from './adapters/registry';
import type { CollectionsClientOptions } from './client-options';
import { DEFAULT_CONCURRENCY, MAX_CONCURRENCY, OPTION_KEYS, withShared } from './client-options';
import type { Collection, CollectionOf } from './collection';
import { listOnePage } from './list-one-page';
import type { CollectionsPage, CollectionsPageOf } from './page';
import type { PagerContext } from './pager';
import type {
  AllProvidersQuery,
  ListOptions,
  ListQuery,
  PageOptions,
  PageQuery,
  ProviderQuery,
} from './query';
import { resolveQuery } from './resolve-query';
import { validateListOptions } from './validate-list-options';
import { walkPages } from './walk-pages';

/** Each configured provider's typed client, for anything the facade does not cover; undefined when not configured. */
export type ProviderClients = { readonly [P in ProviderName]: ClientOf<P> | undefined };

/** The provider a query names (every provider for a query typed `never`, e.g. a cast). */
type Listed<Q extends ProviderQuery> = [Q] extends [never] ? ProviderName : Q['provider'];

export interface CollectionsClient extends ProviderClients {
  /** Configured providers in listing order. */
  readonly providers: readonly ProviderName[];

  /**
   * Every matching collection, each exactly once, fetching pages as you iterate. The query is validated when
   * this is called (ValidationError, nothing sent). Errors thrown while iterating carry `progress`.
   */
  list<Q extends ProviderQuery>(query: Q, options?: ListOptions): AsyncIterable<CollectionOf<Listed<Q>>>;
  list(query?: AllProvidersQuery, options?: ListOptions): AsyncIterable<Collection>;
  list(query?: ListQuery, options?: ListOptions): AsyncIterable<Collection>;

  /** The same walk as `list`, a page at a time. */
  listPages<Q extends ProviderQuery>(
    query: Q,
    options?: ListOptions,
  ): AsyncIterable<CollectionsPageOf<Listed<Q>>>;
  listPages(query?: AllProvidersQuery, options?: ListOptions): AsyncIterable<CollectionsPage>;
  listPages(query?: ListQuery, options?: ListOptions): AsyncIterable<CollectionsPage>;

  /** One page: the first, or the one at `cursor` (a page's `cursor`/`nextCursor`). */
  listPage<Q extends ProviderQuery>(
    query: PageQuery<Q>,
    options?: PageOptions,
  ): Promise<CollectionsPageOf<Listed<Q>>>;
  listPage(query?: PageQuery<AllProvidersQuery>, options?: PageOptions): Promise<CollectionsPage>;
  listPage(query?: PageQuery, options?: PageOptions): Promise<CollectionsPage>;
}

const SETUP = 'createCollectionsClient';

function fail(provider: ProviderName, option: string, rule: string, value: unknown): never {
  throw new ValidationError({ provider, operation: SETUP, option, rule, value });
}

/** The options' shape; each client checks its own block when it is created. */
function validateOptions(options: unknown): asserts options is CollectionsClientOptions {
  // The error type needs a provider: the first configured one, else the first registered.
  const first = providerNames[0]!;
  if (!isRecord(options)) fail(first, 'options', 'must be an object', options);
  const named = providerNames.find((provider) => options[provider] !== undefined);
  for (const key of Object.keys(options)) {
    const rule = `is not an option (expected one of ${[...OPTION_KEYS].join(', ')})`;
    if (!OPTION_KEYS.has(key)) fail(named ?? first, key, rule, options[key]);
  }
  for (const provider of providerNames) {
    const block = options[provider];
    if (block !== undefined && !isRecord(block))
      fail(provider, provider, 'must be an object of that client’s options', block);
  }
  const { verifyPageBoundaries } = options;
  if (verifyPageBoundaries !== undefined && typeof verifyPageBoundaries !== 'boolean') {
    fail(named ?? first, 'verifyPageBoundaries', 'must be a boolean', verifyPageBoundaries);
  }
  if (named === undefined) {
    const blocks = providerNames.map((name) => `\`${name}\``).join(', ');
    fail(first, first, `at least one provider is required: pass ${blocks}, or several of them`, undefined);
  }
}

/**
 * One client over every registered provider. Shared options apply to every client unless a provider block sets
 * its own. Each provider client is created here, so its option errors (ValidationError) surface now; every
 * request goes through these clients.
 */
export function createCollectionsClient(options: CollectionsClientOptions): CollectionsClient {
  validateOptions(options);
  const configured = providerNames.filter((provider) => options[provider] !== undefined);
  const setup = { provider: configured[0]!, operation: SETUP };
  const { concurrency: wanted = DEFAULT_CONCURRENCY } = options;
  const concurrency = validateInteger(wanted, 'concurrency', 1, MAX_CONCURRENCY, setup);
  // Every provider's key, undefined when not configured.
  const clients: Partial<Record<ProviderName, unknown>> = {};
  const adapters: ConfiguredAdapters = {};
  for (const provider of providerNames) {
    const adapter = adapterOf(provider);
    const block = options[provider];
    const client = block && adapter.createClient(withShared(block as object, options));
    clients[provider] = client;
    // A provider whose API versions page in different styles picks the adapter per client (forClient).
    if (client) adapters[provider] = adapter.forClient?.(client) ?? adapter;
  }
  const verifyPageBoundaries = options.verifyPageBoundaries ?? true;
  const context: PagerContext = { clients, concurrency, verifyPageBoundaries };

  // Validated at the call, not on the first next(): a bad query fails before any request.
  function plan(operation: string, query: unknown, cursor: unknown, callOptions: ListOptions | undefined) {
    validateListOptions(callOptions, { provider: configured[0]!, operation });
    const cursorOption = operation === 'listPage' ? 'cursor' : 'resumeFrom';
    return resolveQuery(query, cursor, { operation, configured, cursorOption, adapters });
  }

  function listPages(query?: ListQuery, listOptions?: ListOptions): AsyncIterable<CollectionsPage> {
    const walk = plan('listPages', query, listOptions?.resumeFrom, listOptions);
    return { [Symbol.asyncIterator]: () => walkPages(context, walk, listOptions?.signal) };
  }

  function list(query?: ListQuery, listOptions?: ListOptions): AsyncIterable<Collection> {
    const walk = plan('list', query, listOptions?.resumeFrom, listOptions);
    return {
      async *[Symbol.asyncIterator]() {
        for await (const page of walkPages(context, walk, listOptions?.signal))
          for (const item of page.items) yield item;
      },
    };
  }

  async function listPage(query?: PageQuery, pageOptions?: PageOptions): Promise<CollectionsPage> {
    const cursor = query === undefined || query === null ? undefined : (query as { cursor?: unknown }).cursor;
    return listOnePage(context, plan('listPage', query, cursor, pageOptions), pageOptions?.signal);
  }

  const providers = Object.freeze(configured.slice());
  return Object.freeze({ ...clients, providers, list, listPages, listPage }) as unknown as CollectionsClient;
}
