import { isRecord, fail as refuse, validateInteger } from '@commerce-collections/runtime/internal';
import type { FilterValues } from './adapters/adapter';
import { adapterOf, type ConfiguredAdapters, type ProviderName, providerNames } from './adapters/registry';
import { type AnyCursor, firstCursor, validateCursor } from './cursor';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 100;

/** A validated query: the providers in listing order, each one's client parameters (without paging), the start. */
export interface ListPlan {
  providers: ProviderName[];
  pageSize: number;
  params: Partial<Record<ProviderName, unknown>>;
  start: AnyCursor;
  adapters: ConfiguredAdapters;
}

const FILTERS = ['ids', 'search', 'updatedAfter', 'updatedBefore', 'productId'] as const;
const QUERY_KEYS = new Set<string>(['provider', 'pageSize', ...FILTERS]);
const PAGE_QUERY_KEYS = new Set([...QUERY_KEYS, 'cursor']);

/** `configured`: in listing order, never empty (createCollectionsClient checks). */
export interface ResolveContext {
  operation: string;
  configured: ProviderName[];
  cursorOption: 'cursor' | 'resumeFrom';
  adapters: ConfiguredAdapters;
}

type Fail = (provider: ProviderName, option: string, rule: string, value: unknown) => never;

/** Which providers the query lists: the one it names, or every configured one. */
function selectProviders(selection: unknown, configured: ProviderName[], fail: Fail): ProviderName[] {
  if (selection === undefined || selection === 'all') return configured;
  if (typeof selection === 'string' && providerNames.includes(selection as ProviderName)) {
    const provider = selection as ProviderName;
    if (!configured.includes(provider)) {
      const rule = `${adapterOf(provider).label} is not configured (pass a \`${provider}\` block to createCollectionsClient)`;
      fail(provider, 'provider', rule, selection);
    }
    return [provider];
  }
  const rule = `must be ${providerNames.map((name) => `'${name}'`).join(', ')} or 'all'`;
  return fail(configured[0]!, 'provider', rule, selection);
}

/** Each provider's parameters, from its adapter (which refuses filters its API lacks, by name). */
function paramsOf(q: FilterValues, providers: ProviderName[], operation: string, fail: Fail) {
  const params: ListPlan['params'] = {};
  for (const provider of providers) {
    const adapter = adapterOf(provider);
    for (const filter of adapter.unsupported) {
      if (q[filter] === undefined) continue;
      const others = providerNames.filter((name) => !adapterOf(name).unsupported.includes(filter));
      const rule = `is not supported by ${adapter.label} (its API has no such filter, and the SDK does not emulate one); use provider: ${others.map((name) => `'${name}'`).join(' or ')}`;
      fail(provider, filter, rule, q[filter]);
    }
    params[provider] = adapter.toParams(q, operation);
  }
  return params;
}

/**
 * Validates a query before any request: unknown keys, provider, filters a provider cannot honour (never dropped
 * or emulated), values (by each client's own rules), and the cursor. Throws ValidationError.
 */
export function resolveQuery(query: unknown, cursor: unknown, context: ResolveContext): ListPlan {
  const { operation, configured, adapters } = context;
  const fail: Fail = (provider, option, rule, value) => refuse(option, rule, value, { provider, operation });
  const q = query ?? {};
  if (!isRecord(q)) return fail(configured[0]!, 'query', 'must be an object', query);
  const known = context.cursorOption === 'cursor' ? PAGE_QUERY_KEYS : QUERY_KEYS;
  for (const key in q) {
    if (Object.hasOwn(q, key) && !known.has(key)) {
      fail(configured[0]!, key, `is not a query option (expected one of ${[...known].join(', ')})`, q[key]);
    }
  }
  const providers = selectProviders(q.provider, configured, fail);
  const first = providers[0]!;
  const { pageSize: asked = DEFAULT_PAGE_SIZE } = q;
  const pageSize = validateInteger(asked, 'pageSize', 1, MAX_PAGE_SIZE, { provider: first, operation });
  const params = paramsOf(q, providers, operation, fail);
  if (cursor === undefined) {
    return { providers, pageSize, params, start: firstCursor(first, pageSize, adapters), adapters };
  }
  const option = context.cursorOption;
  const start = validateCursor(cursor, option, { provider: first, operation }, adapters);
  const { label } = adapterOf(start.provider);
  if (!providers.includes(start.provider))
    fail(first, option, `belongs to ${label}, which this query does not list`, cursor);
  if ('pageSize' in start && q.pageSize !== undefined && start.pageSize !== pageSize) {
    const rule = `was made with pageSize ${start.pageSize}; pass the same pageSize or leave it out (${label} pages by number)`;
    fail(first, option, rule, cursor);
  }
  return { providers, pageSize, params, start, adapters };
}
