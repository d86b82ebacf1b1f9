import type { Format } from '../args';
import type { Formatter } from './formatter';
import { createJsonFormatter } from './json';
import { createNdjsonFormatter } from './ndjson';
import { createTableFormatter, tableLayout } from './table';

export interface FormatterOptions {
  format: Format;
  raw: boolean;
  /** Whether Shoplazza rows may appear (their ids are wider). */
  shoplazza: boolean;
  /** stdout's width when it is a terminal. */
  terminalColumns?: number;
}

export function createFormatter(options: FormatterOptions): Formatter {
  switch (options.format) {
    case 'json':
      return createJsonFormatter({ raw: options.raw });
    case 'ndjson':
      return createNdjsonFormatter({ raw: options.raw });
    case 'table':
      return createTableFormatter(
        tableLayout({
          shoplazza: options.shoplazza,
          ...(options.terminalColumns !== undefined && { terminalColumns: options.terminalColumns }),
        }),
      );
  }
}
