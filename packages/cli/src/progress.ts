import { plural, providerLabel } from './labels';
import type { ProviderName } from './plan';
import type { ListingStats } from './stats';
import { formatSeconds } from './summary';

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export interface Progress {
  /** Redraws the status line, at most every `intervalMs` unless forced. */
  update(force?: boolean): void;
  /** Erases the status line (before data is written to the same terminal, and at the end). */
  clear(): void;
}

const clearLine = '\r\x1b[2K';

export function progressText(stats: ListingStats, providers: readonly ProviderName[]): string {
  return providers
    .map((p) => {
      const s = stats[p];
      const parts = [plural(s.pages, 'page'), plural(s.items, 'item')];
      if (s.waitMs >= 100) parts.push(`${formatSeconds(s.waitMs)} rate-limit wait`);
      if (s.pending) parts.push(s.pending);
      return `${providerLabel[p]}: ${parts.join(', ')}`;
    })
    .join('  ·  ');
}

/**
 * A one-line live status on stderr (pages, items, rate-limit waits, pending retries), drawn only when stderr is a
 * terminal: redirected stderr gets no carriage-return noise. Throttled by time, without timers to clean up.
 */
export function createProgress(
  stream: ProgressStream,
  stats: ListingStats,
  providers: readonly ProviderName[],
  options: { intervalMs?: number; now?: () => number } = {},
): Progress {
  if (!stream.isTTY) return { update() {}, clear() {} };
  const now = options.now ?? (() => performance.now());
  const intervalMs = options.intervalMs ?? 100;
  let shown = false;
  let lastDraw = Number.NEGATIVE_INFINITY;
  return {
    update(force = false) {
      const time = now();
      if (!force && time - lastDraw < intervalMs) return;
      lastDraw = time;
      let text = progressText(stats, providers);
      const width = (stream.columns ?? 80) - 1;
      if (text.length > width) text = `${text.slice(0, Math.max(0, width - 1))}…`;
      stream.write(`${clearLine}${text}`);
      shown = true;
    },
    clear() {
      if (!shown) return;
      stream.write(clearLine);
      shown = false;
    },
  };
}
