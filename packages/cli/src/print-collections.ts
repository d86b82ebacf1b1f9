import type { Collection } from '@commerce-collections/sdk';
import type { Formatter } from './format/formatter';
import type { Output } from './output';
import type { Progress } from './progress';
import type { ListingStats } from './stats';

export interface PrintTarget {
  formatter: Formatter;
  output: Output;
  progress: Progress;
  stats: ListingStats;
  /** Data and progress share the terminal: erase the status line before each row. */
  stdoutIsTerminal: boolean;
}

/** `max`: --max reached; `stopped`: the signal fired (Ctrl-C or a closed stdout). */
export type PrintOutcome = 'complete' | 'max' | 'stopped';

/**
 * Streams collections through the formatter as they arrive. Leaving the loop (--max) ends the SDK's iterator,
 * which aborts its in-flight and read-ahead requests; an abort of `signal` surfaces as the SDK's AbortedError
 * and counts as a stop, not a failure. Any other error propagates, with no footer written: the output of a
 * failed listing is visibly incomplete. After a stop the footer is written, so the data stays well-formed.
 */
export async function printCollections(
  collections: AsyncIterable<Collection>,
  target: PrintTarget,
  options: { max: number | undefined; signal: AbortSignal },
): Promise<PrintOutcome> {
  const { formatter, output, progress, stats } = target;
  // The header waits for the first item (or the end), so a failure before any data leaves stdout empty.
  let headerWritten = false;
  const writeHeader = async (): Promise<void> => {
    if (headerWritten) return;
    headerWritten = true;
    await output.write(formatter.header());
  };
  let outcome: PrintOutcome = 'complete';
  let count = 0;
  try {
    if (!options.signal.aborted) {
      for await (const collection of collections) {
        stats[collection.provider].items += 1;
        if (target.stdoutIsTerminal) progress.clear();
        await writeHeader();
        await output.write(formatter.item(collection));
        progress.update();
        count += 1;
        if (options.max !== undefined && count >= options.max) {
          outcome = 'max';
          break;
        }
        if (options.signal.aborted) break;
      }
    }
  } catch (error) {
    if (!options.signal.aborted) throw error;
  } finally {
    progress.clear();
  }
  if (outcome !== 'max' && options.signal.aborted) outcome = 'stopped';
  if (output.error === undefined) {
    await writeHeader();
    await output.write(formatter.footer());
  }
  return outcome;
}
