import type { Collection } from '@commerce-collections/sdk';
import type { Formatter } from './formatter';
import { fitToWidth, sanitize } from './text-width';

export interface TableLayout {
  provider: number;
  id: number;
  title: number;
  handle: number;
  updated: number;
}

const gap = '  ';
const providerWidth = 'shoplazza'.length;
/** `YYYY-MM-DD HH:MM`, in UTC. */
const updatedWidth = 16;
/** HighLevel ids are 24 hex digits, Shoplazza ids are 36-character UUIDs. */
const idWidths = { highlevel: 24, shoplazza: 36 } as const;
const defaultTitleWidth = 40;
const defaultHandleWidth = 32;

/** Below this, a terminal is too narrow for readable columns: rows wrap, so keep them short. */
const minimumSpare = 20;
const narrowTitleWidth = 20;
const narrowHandleWidth = 12;

/**
 * Fixed column widths, decided before the first row so rows stream out as they arrive (no buffering to
 * measure). Ids are never cut (they are what --ids takes). On a terminal, title and handle share the width left
 * over; elsewhere they get generous defaults.
 */
export function tableLayout(options: { terminalColumns?: number; shoplazza: boolean }): TableLayout {
  const id = options.shoplazza ? idWidths.shoplazza : idWidths.highlevel;
  const columns = { provider: providerWidth, id, updated: updatedWidth };
  if (options.terminalColumns === undefined) {
    return { ...columns, title: defaultTitleWidth, handle: defaultHandleWidth };
  }
  const spare = options.terminalColumns - (providerWidth + id + updatedWidth + gap.length * 4);
  if (spare < minimumSpare) return { ...columns, title: narrowTitleWidth, handle: narrowHandleWidth };
  const title = Math.min(60, Math.ceil(spare * 0.6));
  return { ...columns, title, handle: Math.min(40, spare - title) };
}

/** An ISO 8601 time as `YYYY-MM-DD HH:MM` UTC; anything unparseable is shown as sent. */
export function formatUpdated(value: string | undefined): string {
  if (value === undefined) return '—';
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Date(time).toISOString().slice(0, 16).replace('T', ' ');
}

function row(cells: readonly string[], layout: TableLayout): string {
  const widths = [layout.provider, layout.id, layout.title, layout.handle, layout.updated];
  return `${cells
    .map((cell, index) => fitToWidth(sanitize(cell), widths[index] ?? 0))
    .join(gap)
    .trimEnd()}\n`;
}

/** Aligned columns for people: provider, id, title, handle, updated (long values end in `…`). */
export function createTableFormatter(layout: TableLayout): Formatter {
  return {
    header: () => row(['PROVIDER', 'ID', 'TITLE', 'HANDLE', 'UPDATED (UTC)'], layout),
    item: (collection: Collection) =>
      row(
        [
          collection.provider,
          collection.id,
          collection.title,
          collection.handle,
          formatUpdated(collection.updatedAt),
        ],
        layout,
      ),
    footer: () => '',
  };
}
