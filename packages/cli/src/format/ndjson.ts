import type { Formatter } from './formatter';
import { toRecord } from './record';

/** One collection per line, for `jq`, `grep` and line-oriented pipelines. */
export function createNdjsonFormatter(options: { raw: boolean }): Formatter {
  return {
    header: () => '',
    item: (collection) => `${JSON.stringify(toRecord(collection, options.raw))}\n`,
    footer: () => '',
  };
}
