import type { ListArgs } from './args';
import { attemptLine } from './attempt-log';
import { createClientForPlan } from './client';
import { collectionsCountingPages } from './count-pages';
import { ExitCode } from './exit-codes';
import { createFormatter } from './format/create-formatter';
import type { CliIo } from './io';
import { sourceNotice } from './notice';
import { createOutput, isBrokenPipe } from './output';
import { plannedProviders, planSources, sandboxedProviders } from './plan';
import { printCollections } from './print-collections';
import { createProgress } from './progress';
import { toQuery } from './query';
import { redact } from './redact';
import { placeholderEndpoints, type SandboxEndpoints, startSandboxes } from './sandboxes';
import { createStats, recordAttempt } from './stats';
import { type Ending, summaryLine } from './summary';

/**
 * `list`: plan the sources, start sandboxes for mocked providers, stream collections to stdout, and finish with
 * a summary on stderr. Stops requests on --max, Ctrl-C and a closed stdout. API errors propagate to the caller,
 * which maps them to an exit code; everything started here is closed first.
 */
export async function runList(args: ListArgs, io: CliIo, secrets: readonly string[]): Promise<ExitCode> {
  const plan = planSources(args, io.env);
  const providers = plannedProviders(plan);
  const notice = sourceNotice(plan);
  if (notice) io.stderr.write(`${notice}\n`);

  const stop = new AbortController();
  const onInterrupt = (): void => stop.abort('interrupted');
  io.interrupt?.addEventListener('abort', onInterrupt, { once: true });
  if (io.interrupt?.aborted) onInterrupt();
  const output = createOutput(io.stdout, () => stop.abort('output-closed'));
  let sandboxes: SandboxEndpoints | undefined;
  try {
    const mocked = sandboxedProviders(plan);
    // A bad query is a usage error (exit 2) at once, not after the sandboxes took seconds to start: listPages()
    // validates synchronously and sends nothing until iterated.
    if (mocked.length > 0)
      createClientForPlan(plan, placeholderEndpoints(mocked), {}).listPages(toQuery(args));
    sandboxes = await startSandboxes(mocked);
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

    // Validated now, before any request: a bad query is the SDK's ValidationError (a usage error, exit 2).
    const collections = collectionsCountingPages(
      client.listPages(toQuery(args), { signal: stop.signal }),
      stats,
    );
    const started = performance.now();
    const outcome = await printCollections(
      collections,
      { formatter, output, progress, stats, stdoutIsTerminal },
      { max: args.max, signal: stop.signal },
    );
    if (output.error) {
      // The reader went away (e.g. `| head`): stop quietly. Any other write failure is reported.
      if (!isBrokenPipe(output.error)) throw output.error;
      return ExitCode.success;
    }
    const ending: Ending =
      outcome === 'max' && args.max !== undefined
        ? { kind: 'max', max: args.max }
        : outcome === 'stopped'
          ? { kind: 'interrupted' }
          : { kind: 'complete' };
    io.stderr.write(`${summaryLine(stats, providers, performance.now() - started, ending)}\n`);
    if (ending.kind !== 'interrupted') return ExitCode.success;
    return io.interrupt?.reason === 'SIGTERM' ? ExitCode.terminated : ExitCode.interrupted;
  } finally {
    stop.abort('done');
    io.interrupt?.removeEventListener('abort', onInterrupt);
    await sandboxes?.close();
  }
}
