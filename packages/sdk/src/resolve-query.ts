import type { HighLevelListCollectionsParams } from '@commerce-collections/highlevel';
import {
  ValidationError,
  validateDateTime,
  validateIdList,
  validateInteger,
  validateSearchText,
} from '@commerce-collections/runtime/internal';
import type { ShoplazzaListCollectionsParams } from '@commerce-collections/shoplazza';
import type { PageCursor } from './cursor';
import type { Provider } from './provider-name';
import { providerName } from './provider-name';
import { validateCursor } from './validate-cursor';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 100;

/** A validated query, split into what each provider's client is asked for. */
export interface ListPlan {
  /** In listing order (HighLevel first). */
  providers: Provider[];
  pageSize: number;
  /** Filters for HighLevel, without limit/offset (the pager adds them). */
  highlevel: HighLevelListCollectionsParams;
  /** Filters for Shoplazza, without page/limit (the pager adds them). */
  shoplazza: ShoplazzaListCollectionsParams;
  /** Where the listing starts: the given cursor, or the first provider's first page. */
  start: PageCursor;
}

const COMMON_KEYS = ['provider', 'ids', 'search', 'pageSize', 'updatedAfter', 'updatedBefore', 'productId'];
const QUERY_KEYS = new Set(COMMON_KEYS);
const PAGE_QUERY_KEYS = new Set([...COMMON_KEYS, 'cursor']);
const SHOPLAZZA_ONLY = ['updatedAfter', 'updatedBefore', 'productId'] as const;
// Shoplazza product ids are UUIDs (any version, either case); its client refuses anything else too.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ResolveContext {
  operation: string;
  /** Configured providers, in listing order. Never empty (createCollectionsClient checks). */
  configured: Provider[];
  /** 'cursor' for listPage, 'resumeFrom' for list/listPages. */
  cursorOption: 'cursor' | 'resumeFrom';
}

export function firstCursor(provider: Provider, pageSize: number): PageCursor {
  return provider === 'highlevel' ? { provider, offset: 0 } : { provider, page: 1, pageSize };
}

/**
 * Validates a query before any request: unknown keys, provider, filters a provider cannot honour (named with the
 * provider, never dropped or emulated), values, and the cursor. Throws ValidationError.
 */
export function resolveQuery(query: unknown, cursor: unknown, context: ResolveContext): ListPlan {
  const { operation, configured } = context;
  let error = { provider: configured[0] as Provider, operation };
  const fail = (option: string, rule: string, value: unknown): never => {
    throw new ValidationError({ ...error, option, rule, value });
  };
  if (query === undefined) query = {};
  if (typeof query !== 'object' || query === null || Array.isArray(query))
    fail('query', 'must be an object', query);
  const q = query as Record<string, unknown>;
  const known = context.cursorOption === 'cursor' ? PAGE_QUERY_KEYS : QUERY_KEYS;
  for (const key in q) {
    if (!Object.hasOwn(q, key)) continue;
    if (!known.has(key)) {
      fail(key, `is not a query option (expected one of ${[...known].join(', ')})`, q[key]);
    }
  }

  let providers: Provider[];
  const selection = q.provider;
  if (selection === undefined || selection === 'all') providers = configured;
  else if (selection === 'highlevel' || selection === 'shoplazza') {
    if (!configured.includes(selection)) {
      error = { provider: selection, operation };
      fail(
        'provider',
        `${providerName(selection)} is not configured (pass a \`${selection}\` block to createCollectionsClient)`,
        selection,
      );
    }
    providers = [selection];
  } else {
    return fail('provider', "must be 'highlevel', 'shoplazza' or 'all'", selection);
  }
  error = { provider: providers[0] as Provider, operation };

  if (providers.includes('highlevel')) {
    for (const filter of SHOPLAZZA_ONLY) {
      if (q[filter] !== undefined) {
        error = { provider: 'highlevel', operation };
        fail(
          filter,
          `is not supported by HighLevel (its API has no such filter, and the SDK does not emulate one); use provider: 'shoplazza'`,
          q[filter],
        );
      }
    }
  }

  const pageSize =
    q.pageSize === undefined
      ? DEFAULT_PAGE_SIZE
      : validateInteger(q.pageSize, 'pageSize', 1, MAX_PAGE_SIZE, error);
  const highlevel: HighLevelListCollectionsParams = {};
  const shoplazza: ShoplazzaListCollectionsParams = {};
  if (q.ids !== undefined) {
    const ids = validateIdList(q.ids, 'ids', undefined, error);
    highlevel.collectionIds = ids;
    shoplazza.ids = ids;
  }
  if (q.search !== undefined) {
    const search = validateSearchText(q.search, 'search', 255, error);
    highlevel.name = search;
    shoplazza.title = search;
  }
  // Only reachable when HighLevel is not in the listing (checked above).
  if (q.updatedAfter !== undefined)
    shoplazza.updated_at_min = validateDateTime(q.updatedAfter, 'updatedAfter', error);
  if (q.updatedBefore !== undefined)
    shoplazza.updated_at_max = validateDateTime(q.updatedBefore, 'updatedBefore', error);
  // Both are normalised to YYYY-MM-DDTHH:mm:ssZ, so string order is time order.
  if (shoplazza.updated_at_min !== undefined && shoplazza.updated_at_max !== undefined) {
    if (shoplazza.updated_at_min > shoplazza.updated_at_max) {
      fail('updatedAfter', 'must not be later than updatedBefore', q.updatedAfter);
    }
  }
  if (q.productId !== undefined) {
    if (typeof q.productId !== 'string' || !UUID.test(q.productId)) {
      fail('productId', 'must be a product UUID (e.g. 4b5f2d0e-8c1a-4f7e-9d3b-2a6c8e1f0b9d)', q.productId);
    }
    shoplazza.product_id = q.productId as string;
  }

  let start: PageCursor;
  if (cursor === undefined) start = firstCursor(providers[0] as Provider, pageSize);
  else {
    start = validateCursor(cursor, context.cursorOption, error);
    if (!providers.includes(start.provider)) {
      fail(
        context.cursorOption,
        `belongs to ${providerName(start.provider)}, which this query does not list`,
        cursor,
      );
    }
    if (start.provider === 'shoplazza' && q.pageSize !== undefined && start.pageSize !== pageSize) {
      fail(
        context.cursorOption,
        `was made with pageSize ${start.pageSize}; pass the same pageSize or leave it out (Shoplazza pages by number)`,
        cursor,
      );
    }
  }
  return { providers, pageSize, highlevel, shoplazza, start };
}
