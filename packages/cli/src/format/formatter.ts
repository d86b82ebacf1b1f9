import type { Collection } from '@commerce-collections/sdk';

/**
 * Turns collections into output text one at a time, so nothing is buffered: `header` before the first item,
 * `item` per collection, `footer` after the last (also after an interruption, so the output stays well-formed).
 */
export interface Formatter {
  header(): string;
  item(collection: Collection): string;
  footer(): string;
}
