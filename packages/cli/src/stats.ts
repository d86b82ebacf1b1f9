import type { ProviderName } from './plan';

/** The fields of the SDK's `onAttempt` event that progress and the summary use. */
export interface AttemptInfo {
  provider: ProviderName;
  status?: number;
  rateLimitWaitMs: number;
  retryInMs?: number;
  error?: string;
}

export interface ProviderStats {
  items: number;
  /** Pages the SDK handed out (counted by collectionsCountingPages, not from requests). */
  pages: number;
  /** Time spent waiting for the client-side rate limiter (plus server-requested waits before retries). */
  waitMs: number;
  /** Set while a retry is pending, e.g. `429, retrying in 1.0 s`; cleared by the next success. */
  pending: string | undefined;
}

export type ListingStats = Record<ProviderName, ProviderStats>;

export function createStats(): ListingStats {
  const empty = (): ProviderStats => ({ items: 0, pages: 0, waitMs: 0, pending: undefined });
  return { highlevel: empty(), shoplazza: empty() };
}

export function recordAttempt(stats: ListingStats, event: AttemptInfo): void {
  const target = stats[event.provider];
  target.waitMs += event.rateLimitWaitMs;
  if (event.retryInMs !== undefined) {
    target.waitMs += event.retryInMs;
    const outcome = event.status === undefined ? (event.error ?? 'failed') : String(event.status);
    target.pending = `${outcome}, retrying in ${(event.retryInMs / 1000).toFixed(1)} s`;
  } else if (event.status !== undefined && event.status >= 200 && event.status < 300) {
    target.pending = undefined;
  }
}
