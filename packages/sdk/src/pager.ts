import type { FetchedPage, PageNumberCursor } from './adapters/adapter';
import type { AnyAdapter, ProviderName } from './adapters/registry';
import type { Collection } from './collection';
import { ConsistencyError } from './consistency-error';
import { type AnyCursor, firstCursor, type PageCursor } from './cursor';
import type { CollectionsPage } from './page';
import type { RecentIds } from './recent-ids';
import type { ListPlan } from './resolve-query';

/** Re-reads allowed after the data shifted mid-listing, before giving up with ConsistencyError. */
export const MAX_RESTARTS = 2;

/** A provider as the walks see it: its adapter, its client, the plan's parameters for it, the cursor after it. */
export interface Source {
  adapter: AnyAdapter;
  client: unknown;
  params: unknown;
  pageSize: number;
  afterLast: PageCursor | undefined;
}

/** The configured clients and the facade's listing options (see CollectionsClientOptions). */
export interface PagerContext {
  clients: Partial<Record<ProviderName, unknown>>;
  concurrency: number;
  verifyPageBoundaries: boolean;
}

/** resolveQuery only lets configured providers through, so their client and adapter exist here. */
export function sourceOf(context: PagerContext, plan: ListPlan, provider: ProviderName): Source {
  const { adapters, params, pageSize } = plan;
  const adapter = adapters[provider]!;
  const afterLast = nextProviderCursor(plan, provider);
  return { adapter, client: context.clients[provider], params: params[provider], pageSize, afterLast };
}

/** A page as a walk yields it; `duplicatesOnly` pages are counted for resume but not shown to callers. */
export type PagerPage = { page: CollectionsPage; duplicatesOnly: boolean };

// The walks pass the position of the adapter's own style (PositionOfStyle); the engine's view erases it.
export function fetchPage(source: Source, at: number | string | null, limit: number, signal?: AbortSignal) {
  return source.adapter.fetchPage(source.client, source.params, at as never, limit, signal);
}

/**
 * Whether the page after `cursor` is empty. With no total, a short page is the end only if the server serves
 * every page whole, which nothing guarantees (it may cap page sizes): a short page is the last once the next is empty.
 */
export async function nextPageIsEmpty(source: Source, cursor: PageNumberCursor, signal?: AbortSignal) {
  return (await fetchPage(source, cursor.page + 1, cursor.pageSize, signal)).items.length === 0;
}

/**
 * The page fetched at `request` → a page of the model, without `skip` leading items (the overlap with the previous
 * page) and, with `recent`, without the items it does not admit. A page with a repeat is not remembered (re-read).
 */
export function toPage(
  source: Source,
  fetched: FetchedPage<unknown>,
  request: AnyCursor,
  skip: 0 | 1,
  recent?: RecentIds,
): PagerPage {
  const { adapter } = source;
  const { items: data, total, requestId } = fetched;
  const items: Collection[] = [];
  for (let index = skip; index < data.length; index++) {
    const raw = data[index];
    if (!recent || recent.admit(adapter.idOf(raw))) items.push(adapter.toCollection(raw) as Collection);
  }
  recent?.endPage();
  const nextCursor = nextCursorAfter(source, request, fetched, skip);
  const cursor = 'offset' in request && skip ? { ...request, offset: request.offset + skip } : request;
  const page = { provider: adapter.name, items, cursor, nextCursor, total, requestId } as CollectionsPage;
  return { page, duplicatesOnly: items.length === 0 && data.length > skip };
}

/**
 * Where the page after `request` starts. Offset style steps by what the server sent (it may cap `limit`); page-number
 * style ends at a short page (confirmed first, see nextPageIsEmpty); cursor style follows the server's token.
 */
function nextCursorAfter(
  { afterLast }: Source,
  request: AnyCursor,
  fetched: FetchedPage<unknown>,
  skip: 0 | 1,
): PageCursor | undefined {
  if ('token' in request) {
    const next = fetched.next;
    return next === undefined ? afterLast : ({ provider: request.provider, token: next } as PageCursor);
  }
  const served = fetched.items.length;
  if ('offset' in request) {
    const next = request.offset + served;
    const more = served > skip && next < (fetched.total as number);
    return more ? ({ provider: request.provider, offset: next } as PageCursor) : afterLast;
  }
  return served >= request.pageSize ? ({ ...request, page: request.page + 1 } as PageCursor) : afterLast;
}

/** The cursor after the last page of `provider`: the next provider's first page, or undefined at the end. */
export function nextProviderCursor(plan: ListPlan, provider: ProviderName): PageCursor | undefined {
  const next = plan.providers[plan.providers.indexOf(provider) + 1];
  return next === undefined ? undefined : (firstCursor(next, plan.pageSize, plan.adapters) as PageCursor);
}

/**
 * Why a walk must be re-read. `at`: the offset or page number where it noticed; `total`, `expectedTotal`: what the
 * shifted page and the walk's first page counted (offset style); `lostAnchor`: give up at once.
 */
export interface Shift {
  detail: string;
  requestId: string | undefined;
  at?: number;
  total?: number;
  expectedTotal?: number;
  lostAnchor?: boolean;
}

/** A hidden, empty page whose nextCursor is `resume`: walkPages takes an error's resume cursor from it. */
export function hiddenPage(resume: AnyCursor, requestId: string | undefined): PagerPage {
  const { provider } = resume;
  const page = { provider, items: [], cursor: resume, nextCursor: resume, total: undefined, requestId };
  return { page: page as CollectionsPage, duplicatesOnly: true };
}

/** Gives up: a hidden page pointing back to `start` (a resume may repeat, never miss), then ConsistencyError. */
export function* giveUp(start: AnyCursor, shift: Shift, restarts: number): Generator<PagerPage, never> {
  const { provider } = start;
  const { detail, requestId, total = -1, expectedTotal = -1 } = shift;
  yield hiddenPage(start, requestId);
  throw new ConsistencyError({ provider, expectedTotal, actualTotal: total, restarts, requestId, detail });
}

/**
 * Walks from `start`, re-reading after a shift at most MAX_RESTARTS times. A re-read starts where the listing began,
 * or, once ids were forgotten, at `rewind(shift.at)` and skips to its anchor (sdk README, "How a re-read stays exact").
 */
export async function* reReading<C extends AnyCursor>(
  start: C,
  recent: RecentIds,
  walk: (from: C, restarts: number) => AsyncGenerator<PagerPage, Shift | undefined>,
  rewind: (at: number) => C,
): AsyncGenerator<PagerPage, void, undefined> {
  let from = start;
  for (let restarts = 0; ; restarts++) {
    const shift = yield* walk(from, restarts);
    if (shift === undefined) return;
    // Resume from where the listing began: deletions may have shifted unseen items before the last page.
    if (shift.lostAnchor || restarts === MAX_RESTARTS) yield* giveUp(start, shift, restarts);
    const anchored = !recent.complete;
    from = anchored ? rewind(shift.at!) : start;
    recent.startWalk(anchored);
  }
}
