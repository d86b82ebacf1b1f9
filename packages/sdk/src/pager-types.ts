import type { HighLevelClient } from '@commerce-collections/highlevel';
import type { ShoplazzaClient } from '@commerce-collections/shoplazza';
import type { HighLevelCursor, PageCursor, ShoplazzaCursor } from './cursor';
import type { CollectionsPage, CollectionsPageOf } from './page';
import { firstCursor, type ListPlan } from './resolve-query';

/** What the pagers need: the configured clients and the facade's listing options. */
export interface PagerContext {
  highlevel: HighLevelClient | undefined;
  shoplazza: ShoplazzaClient | undefined;
  /** HighLevel pages in flight or buffered at most. */
  concurrency: number;
  /** Probe each Shoplazza page boundary for a shift (see shoplazzaPages). */
  verifyPageBoundaries: boolean;
}

/** A page as a pager yields it; `duplicatesOnly` pages are counted for resume but not shown to callers. */
export interface PagerPage<P extends CollectionsPage = CollectionsPage> {
  page: P;
  duplicatesOnly: boolean;
}

/** The cursor after the last page of `provider`: the next provider's first page, or undefined at the end. */
export function nextProviderCursor(plan: ListPlan, provider: PageCursor['provider']): PageCursor | undefined {
  const next = plan.providers[plan.providers.indexOf(provider) + 1];
  return next === undefined ? undefined : firstCursor(next, plan.pageSize);
}

/**
 * A hidden, empty page whose nextCursor is `start`: yielded just before a pager gives up with ConsistencyError,
 * so the error's resume cursor (walkPages takes it from the last page) points back to where the walk began. The
 * shift may have moved unseen items anywhere before the point reached: a resume from there may repeat, never miss.
 */
export function resumeFromStart(
  start: HighLevelCursor,
  requestId: string | undefined,
): PagerPage<CollectionsPageOf<'highlevel'>>;
export function resumeFromStart(
  start: ShoplazzaCursor,
  requestId: string | undefined,
): PagerPage<CollectionsPageOf<'shoplazza'>>;
export function resumeFromStart(start: PageCursor, requestId: string | undefined): PagerPage {
  const page = {
    provider: start.provider,
    items: [],
    cursor: start,
    nextCursor: start,
    total: undefined,
    requestId,
  };
  return { page: page as CollectionsPage, duplicatesOnly: true };
}
