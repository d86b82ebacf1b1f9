import type { Formatter } from './formatter';
import { toRecord } from './record';

/**
 * One JSON array, written item by item (one collection per line): memory stays flat for any store size, and
 * `footer` closes the array even after an interruption, so what was printed still parses.
 */
export function createJsonFormatter(options: { raw: boolean }): Formatter {
  let count = 0;
  return {
    header: () => '[',
    item: (collection) =>
      `${count++ === 0 ? '\n' : ',\n'}  ${JSON.stringify(toRecord(collection, options.raw))}`,
    footer: () => (count === 0 ? ']\n' : '\n]\n'),
  };
}
