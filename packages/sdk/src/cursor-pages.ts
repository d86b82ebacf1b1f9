import type { TokenCursor } from './adapters/adapter';
import type { ProviderName } from './adapters/registry';
import { fetchPage, giveUp, type Source, toPage } from './pager';
import { pagesToKeep, RecentIds } from './recent-ids';

/** Why a cursor walk cannot go on without risking a duplicate or a loop, or undefined when it can. */
function inconsistency(recent: RecentIds, served: number, next: string | undefined, followed: string[]) {
  if (recent.repeatedId !== undefined) {
    return `collection ${recent.repeatedId} was served twice: the cursor is not stable under changes, so collections may also have been skipped`;
  }
  if (next !== undefined && followed.includes(next)) return `the server's cursor ${next} came back again`;
  if (next !== undefined && served === 0) return 'an empty page said there is more (has_more true)';
  return undefined;
}

/**
 * Cursor style (Shoplazza 2025-06): one page at a time, each naming the next with an opaque token. Nothing says the
 * cursor is a keyset, so what a page shows (a repeat, a token followed before, an empty page claiming more) stops
 * the walk with ConsistencyError, resuming where it began (docs/reliability.md, "Shifting data").
 */
export async function* cursorPages(source: Source, start: TokenCursor<ProviderName>, signal: AbortSignal) {
  const recent = new RecentIds(pagesToKeep(1, source.pageSize));
  const followed: string[] = [];
  let cursor = start;
  for (;;) {
    const response = await fetchPage(source, cursor.token, source.pageSize, signal);
    if (cursor.token !== null) followed.push(cursor.token);
    if (followed.length > recent.pagesKept) followed.shift();
    const built = toPage(source, response, cursor, 0, recent);
    const problem = inconsistency(recent, response.items.length, response.next, followed);
    if (problem !== undefined) yield* giveUp(start, { detail: problem, requestId: response.requestId }, 0);
    yield built;
    if (response.next === undefined) return;
    cursor = { provider: cursor.provider, token: response.next };
  }
}
