import type { ListArgs } from './args';
import { attemptLine } from './attempt-log';
import { createClientForPlan } from './client';
import { ExitCode } from './exit-codes';
import { redact } from './failure';
import { createFormatter } from './format/create-formatter';
import type { CliIo } from './io';
import { sourceNotice } from './notice';
import { createOutput, isBrokenPipe } from './output';
import { type ProviderName, planSources, sandboxedProviders } from './plan';
import { createProgress } from './progress';
import { toQuery } from './query';
import { startSandboxes } from './sandboxes';
import { createStats, recordAttempt } from './stats';
import { type Ending, summaryLine } from './summary';

/**
 * `list`: plan the sources, start sandboxes for mocked providers, stream collections to stdout, and finish with
 * a summary on stderr. Stops requests on --max, Ctrl-C and a closed stdout. API errors propagate to the caller,
 * which maps them to an exit code; everything started here is closed first.
 */
export async function runList(args: ListArgs, io: CliIo, secrets: readonly string[]): Promise<ExitCode> {
  const plan = planSources(args, io.env);
  const providers = (['highlevel', 'shoplazza'] as const).filter(
    (p): p is ProviderName => plan[p] !== undefined,
  );
  const notice = sourceNotice(plan);
  if (notice) io.stderr.write(`${notice}\n`);

  const stop = new AbortController();
  const onInterrupt = (): void => stop.abort('interrupted');
  io.interrupt?.addEventListener('abort', onInterrupt, { once: true });
  const output = createOutput(io.stdout, () => stop.abort('output-closed'));
  const sandboxes = await startSandboxes(sandboxedProviders(plan));
  try {
    if (io.interrupt?.aborted) stop.abort('interrupted');
    const stats = createStats();
    const progress = createProgress(io.stderr, stats, providers);
    const stdoutIsTerminal = io.stdout.isTTY === true;
    const client = createClientForPlan(plan, sandboxes, {
      onAttempt(event) {
        recordAttempt(stats, event);
        if (args.verbose) {
          progress.clear();
          io.stderr.write(redact(attemptLine(event), secrets));
        }
        progress.update(true);
      },
    });
    const formatter = createFormatter({
      format: args.format,
      raw: args.raw,
      shoplazza: plan.shoplazza !== undefined,
      ...(stdoutIsTerminal && io.stdout.columns !== undefined && { terminalColumns: io.stdout.columns }),
    });

    const started = performance.now();
    let ending: Ending = { kind: 'complete' };
    let count = 0;
    // Validated here, before any request: a bad query is a ValidationError (usage, exit 2).
    const collections = client.list(toQuery(args), { signal: stop.signal });
    await output.write(formatter.header());
    try {
      if (!stop.signal.aborted) {
        for await (const collection of collections) {
          stats[collection.provider].items += 1;
          if (stdoutIsTerminal) progress.clear();
          await output.write(formatter.item(collection));
          progress.update();
          count += 1;
          // Leaving the loop ends the iterator, which aborts the SDK's in-flight and pending requests.
          if (args.max !== undefined && count >= args.max) {
            ending = { kind: 'max', max: args.max };
            break;
          }
          if (stop.signal.aborted) break;
        }
      }
    } catch (error) {
      // An abort we caused surfaces from the SDK as AbortedError: that is a stop, not a failure.
      if (!stop.signal.aborted) {
        progress.clear();
        throw error;
      }
    }
    progress.clear();
    if (stop.signal.reason === 'output-closed') {
      // The reader went away (e.g. `| head`): stop quietly. Any other write failure is reported.
      if (!isBrokenPipe(output.error)) throw output.error;
      return ExitCode.success;
    }
    if (stop.signal.reason === 'interrupted') ending = { kind: 'interrupted' };
    // Closing the output (the JSON array's `]`) after --max or Ctrl-C leaves well-formed data behind.
    await output.write(formatter.footer());
    io.stderr.write(`${summaryLine(stats, providers, performance.now() - started, ending)}\n`);
    return ending.kind === 'interrupted' ? ExitCode.interrupted : ExitCode.success;
  } finally {
    stop.abort('done');
    io.interrupt?.removeEventListener('abort', onInterrupt);
    await sandboxes.close();
  }
}
