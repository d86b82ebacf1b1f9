import { createHighLevelClient, type HighLevelClient } from '@commerce-collections/highlevel';
import { ValidationError, validateInteger } from '@commerce-collections/runtime/internal';
import { createShoplazzaClient, type ShoplazzaClient } from '@commerce-collections/shoplazza';
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
import type { PagerContext } from './pager-types';
import type { Provider } from './provider-name';
import type {
  AllProvidersQuery,
  HighLevelQuery,
  ListOptions,
  ListQuery,
  PageOptions,
  PageQuery,
  ShoplazzaQuery,
} from './query';
import { type ResolveContext, resolveQuery } from './resolve-query';
import { validateListOptions } from './validate-list-options';
import { walkPages } from './walk-pages';

export interface CollectionsClient {
  /** The HighLevel client, for anything the facade does not cover; undefined when not configured. */
  readonly highlevel: HighLevelClient | undefined;
  /** The Shoplazza client, for anything the facade does not cover; undefined when not configured. */
  readonly shoplazza: ShoplazzaClient | undefined;
  /** Configured providers in listing order. */
  readonly providers: readonly Provider[];

  /**
   * Every matching collection, each exactly once, fetching pages as you iterate. The query is validated when
   * this is called (ValidationError, nothing sent). Errors thrown while iterating carry `progress`.
   */
  list(query: HighLevelQuery, options?: ListOptions): AsyncIterable<CollectionOf<'highlevel'>>;
  list(query: ShoplazzaQuery, options?: ListOptions): AsyncIterable<CollectionOf<'shoplazza'>>;
  list(query?: AllProvidersQuery, options?: ListOptions): AsyncIterable<Collection>;
  list(query?: ListQuery, options?: ListOptions): AsyncIterable<Collection>;

  /** The same walk as `list`, a page at a time. */
  listPages(query: HighLevelQuery, options?: ListOptions): AsyncIterable<CollectionsPageOf<'highlevel'>>;
  listPages(query: ShoplazzaQuery, options?: ListOptions): AsyncIterable<CollectionsPageOf<'shoplazza'>>;
  listPages(query?: AllProvidersQuery, options?: ListOptions): AsyncIterable<CollectionsPage>;
  listPages(query?: ListQuery, options?: ListOptions): AsyncIterable<CollectionsPage>;

  /** One page: the first, or the one at `cursor` (a page's `cursor`/`nextCursor`). */
  listPage(query: PageQuery<HighLevelQuery>, options?: PageOptions): Promise<CollectionsPageOf<'highlevel'>>;
  listPage(query: PageQuery<ShoplazzaQuery>, options?: PageOptions): Promise<CollectionsPageOf<'shoplazza'>>;
  listPage(query?: PageQuery<AllProvidersQuery>, options?: PageOptions): Promise<CollectionsPage>;
  listPage(query?: PageQuery, options?: PageOptions): Promise<CollectionsPage>;
}

const SETUP = 'createCollectionsClient';
const OPTION_KEYS = new Set<string>([
  'highlevel',
  'shoplazza',
  'concurrency',
  'verifyPageBoundaries',
  ...SHARED_KEYS,
]);

function fail(provider: Provider, option: string, rule: string, value: unknown): never {
  throw new ValidationError({ provider, operation: SETUP, option, rule, value });
}

function validateOptions(options: unknown): asserts options is CollectionsClientOptions {
  // The error type needs a provider: the only configured one, else HighLevel (listed first).
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    fail('highlevel', 'options', 'must be an object', options);
  }
  const record = options as Record<string, unknown>;
  const named: Provider =
    record.highlevel === undefined && record.shoplazza !== undefined ? 'shoplazza' : 'highlevel';
  for (const key of Object.keys(record)) {
    if (!OPTION_KEYS.has(key)) {
      fail(named, key, `is not an option (expected one of ${[...OPTION_KEYS].join(', ')})`, record[key]);
    }
  }
  for (const provider of ['highlevel', 'shoplazza'] as const) {
    const block = record[provider];
    if (block !== undefined && (typeof block !== 'object' || block === null || Array.isArray(block))) {
      fail(provider, provider, 'must be an object of that client’s options', block);
    }
  }
  if (record.verifyPageBoundaries !== undefined && typeof record.verifyPageBoundaries !== 'boolean') {
    fail(named, 'verifyPageBoundaries', 'must be a boolean', record.verifyPageBoundaries);
  }
  if (record.highlevel === undefined && record.shoplazza === undefined) {
    fail(
      'highlevel',
      'highlevel',
      'at least one provider is required: pass `highlevel`, `shoplazza` or both',
      undefined,
    );
  }
}

/**
 * One client over HighLevel and Shoplazza. Shared options (fetch, retry, timeoutMs, logger, logLevel, hooks,
 * maxBodyBytes) apply to both clients unless a provider block sets its own. Each provider client is created
 * here, so its option errors (ValidationError) surface now. The facade sends nothing itself: every request goes
 * through these clients.
 */
export function createCollectionsClient(options: CollectionsClientOptions): CollectionsClient {
  validateOptions(options);
  const concurrency =
    options.concurrency === undefined
      ? DEFAULT_CONCURRENCY
      : validateInteger(options.concurrency, 'concurrency', 1, MAX_CONCURRENCY, {
          provider: options.highlevel ? 'highlevel' : 'shoplazza',
          operation: SETUP,
        });
  const highlevel = options.highlevel
    ? createHighLevelClient(withShared(options.highlevel, options))
    : undefined;
  const shoplazza = options.shoplazza
    ? createShoplazzaClient(withShared(options.shoplazza, options))
    : undefined;
  const providers: Provider[] = [];
  if (highlevel) providers.push('highlevel');
  if (shoplazza) providers.push('shoplazza');
  const frozenProviders = Object.freeze(providers.slice());
  const context: PagerContext = {
    highlevel,
    shoplazza,
    concurrency,
    verifyPageBoundaries: options.verifyPageBoundaries ?? true,
  };
  const listContext: ResolveContext = {
    operation: 'list',
    configured: providers,
    cursorOption: 'resumeFrom',
  };
  const pagesContext: ResolveContext = {
    operation: 'listPages',
    configured: providers,
    cursorOption: 'resumeFrom',
  };
  const pageContext: ResolveContext = {
    operation: 'listPage',
    configured: providers,
    cursorOption: 'cursor',
  };

  function listPages(query?: ListQuery, listOptions?: ListOptions): AsyncIterable<CollectionsPage> {
    // Validated now, not on the first next(): a bad query fails at the call, before any request.
    validateListOptions(listOptions, { provider: providers[0]!, operation: 'listPages' });
    const plan = resolveQuery(query, listOptions?.resumeFrom, pagesContext);
    const signal = listOptions?.signal;
    return { [Symbol.asyncIterator]: () => walkPages(context, plan, signal) };
  }

  function list(query?: ListQuery, listOptions?: ListOptions): AsyncIterable<Collection> {
    validateListOptions(listOptions, { provider: providers[0]!, operation: 'list' });
    const plan = resolveQuery(query, listOptions?.resumeFrom, listContext);
    const signal = listOptions?.signal;
    return {
      async *[Symbol.asyncIterator]() {
        for await (const page of walkPages(context, plan, signal)) {
          for (const item of page.items) yield item;
        }
      },
    };
  }

  async function listPage(query?: PageQuery, pageOptions?: PageOptions): Promise<CollectionsPage> {
    const cursor = query === undefined || query === null ? undefined : (query as { cursor?: unknown }).cursor;
    validateListOptions(pageOptions, { provider: providers[0]!, operation: 'listPage' });
    const plan = resolveQuery(query, cursor, pageContext);
    return listOnePage(context, plan, pageOptions?.signal);
  }

  return Object.freeze({
    highlevel,
    shoplazza,
    providers: frozenProviders,
    list,
    listPages,
    listPage,
  }) as CollectionsClient;
}
