import { isRecord, ValidationError, validateInteger } from '@commerce-collections/runtime/internal';
import {
  adapterOf,
  type ClientOf,
  type ConfiguredAdapters,
  configuredAdapter,
  type ProviderName,
  providerNames,
} from './adapters/registry';
import {
  type CollectionsClientOptions,
  DEFAULT_CONCURRENCY,
  MAX_CONCURRENCY,
  SHARED_KEYS,
  withShared,
} from './client-options';
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
const OPTION_KEYS = new Set<string>([
  ...providerNames,
  'concurrency',
  'verifyPageBoundaries',
  ...SHARED_KEYS,
]);

function fail(provider: ProviderName, option: string, rule: string, value: unknown): never {
  throw new ValidationError({ provider, operation: SETUP, option, rule, value });
}

/** The options' shape; each client checks its own block when it is created. */
function validateOptions(options: unknown): asserts options is CollectionsClientOptions {
  // The error type needs a provider: the first configured one, else the first registered.
  if (!isRecord(options)) fail(providerNames[0]!, 'options', 'must be an object', options);
  const named = providerNames.find((provider) => options[provider] !== undefined) ?? providerNames[0]!;
  for (const key of Object.keys(options)) {
    if (!OPTION_KEYS.has(key)) {
      fail(named, key, `is not an option (expected one of ${[...OPTION_KEYS].join(', ')})`, options[key]);
    }
  }
  for (const provider of providerNames) {
    const block = options[provider];
    if (block !== undefined && !isRecord(block)) {
      fail(provider, provider, 'must be an object of that client’s options', block);
    }
  }
  if (options.verifyPageBoundaries !== undefined && typeof options.verifyPageBoundaries !== 'boolean') {
    fail(named, 'verifyPageBoundaries', 'must be a boolean', options.verifyPageBoundaries);
  }
  if (providerNames.every((provider) => options[provider] === undefined)) {
    const blocks = providerNames.map((name) => `\`${name}\``);
    const rule = `at least one provider is required: pass ${blocks.join(', ')}, or several of them`;
    fail(providerNames[0]!, providerNames[0]!, rule, undefined);
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
  const concurrency =
    options.concurrency === undefined
      ? DEFAULT_CONCURRENCY
      : validateInteger(options.concurrency, 'concurrency', 1, MAX_CONCURRENCY, setup);
  const clients: Partial<Record<ProviderName, unknown>> = {};
  const adapters: ConfiguredAdapters = {};
  for (const provider of configured) {
    clients[provider] = adapterOf(provider).createClient(withShared(options[provider] as object, options));
    adapters[provider] = configuredAdapter(provider, clients[provider]);
  }
  const verifyPageBoundaries = options.verifyPageBoundaries ?? true;
  const context: PagerContext = { clients, concurrency, verifyPageBoundaries };

  function walk(operation: 'list' | 'listPages', query?: ListQuery, listOptions?: ListOptions) {
    // Validated now, not on the first next(): a bad query fails at the call, before any request.
    validateListOptions(listOptions, { provider: configured[0]!, operation });
    const plan = resolveQuery(query, listOptions?.resumeFrom, {
      operation,
      configured,
      cursorOption: 'resumeFrom',
      adapters,
    });
    return () => walkPages(context, plan, listOptions?.signal);
  }

  function listPages(query?: ListQuery, listOptions?: ListOptions): AsyncIterable<CollectionsPage> {
    return { [Symbol.asyncIterator]: walk('listPages', query, listOptions) };
  }

  function list(query?: ListQuery, listOptions?: ListOptions): AsyncIterable<Collection> {
    const pages = walk('list', query, listOptions);
    return {
      async *[Symbol.asyncIterator]() {
        for await (const page of pages()) for (const item of page.items) yield item;
      },
    };
  }

  async function listPage(query?: PageQuery, pageOptions?: PageOptions): Promise<CollectionsPage> {
    const cursor = query === undefined || query === null ? undefined : (query as { cursor?: unknown }).cursor;
    validateListOptions(pageOptions, { provider: configured[0]!, operation: 'listPage' });
    const resolving = { operation: 'listPage', configured, cursorOption: 'cursor', adapters } as const;
    const plan = resolveQuery(query, cursor, resolving);
    return listOnePage(context, plan, pageOptions?.signal);
  }

  return Object.freeze({
    ...Object.fromEntries(providerNames.map((name) => [name, clients[name]])),
    providers: Object.freeze(configured.slice()),
    list,
    listPages,
    listPage,
  }) as unknown as CollectionsClient;
}
