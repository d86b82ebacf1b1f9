import { plural, providerLabel } from './labels';
import type { ProviderName } from './plan';
import type { ListingStats } from './stats';

export type Ending = { kind: 'complete' } | { kind: 'max'; max: number } | { kind: 'interrupted' };

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/**
 * The closing stderr line, e.g. `240 HighLevel + 180 Shoplazza collections, 3 + 2 pages, 1.9 s`, with the
 * rate-limit waiting when there was any worth mentioning.
 */
export function summaryLine(
  stats: ListingStats,
  providers: readonly ProviderName[],
  elapsedMs: number,
  ending: Ending,
): string {
  const items = providers.map((p) => `${stats[p].items} ${providerLabel[p]}`).join(' + ');
  const pageCounts = providers.map((p) => stats[p].pages);
  const pageTotal = pageCounts.reduce((sum, count) => sum + count, 0);
  const pages = providers.length === 1 ? plural(pageTotal, 'page') : `${pageCounts.join(' + ')} pages`;
  const totalItems = providers.reduce((sum, p) => sum + stats[p].items, 0);
  const noun = totalItems === 1 && providers.length === 1 ? 'collection' : 'collections';
  const waitMs = providers.reduce((sum, p) => sum + stats[p].waitMs, 0);
  const wait = waitMs >= 100 ? `, ${formatSeconds(waitMs)} of it waiting on rate limits` : '';
  const line = `${items} ${noun}, ${pages}, ${formatSeconds(elapsedMs)}${wait}`;
  switch (ending.kind) {
    case 'complete':
      return line;
    case 'max':
      return `${line} (stopped at --max ${ending.max})`;
    case 'interrupted':
      return `Interrupted after ${line}`;
  }
}
