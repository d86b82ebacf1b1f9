import type { AttemptEvent, Collection, CollectionsPage, ListQuery } from '@commerce-collections/sdk';
import type { ListArgs } from './args';
import { attemptLine } from './attempt-log';
import { createClientForPlan } from './client';
import { ExitCode } from './exit-codes';
import { createFormatter } from './format/create-formatter';
import type { CliIo } from './io';
import { missingSandboxPackageMessage, sourceNotice } from './notice';
import { createOutput, isBrokenPipe } from './output';
import {
  type ProviderName,
  plannedProviders,
  planSources,
  type SourcePlan,
  sandboxedProviders,
} from './plan';
import { printCollections } from './print-collections';
import { createProgress } from './progress';
import { redact } from './redact';
import {
  loadSandboxPackage,
  placeholderEndpoints,
  type SandboxEndpoints,
  type SandboxPackage,
  startSandboxes,
} from './sandboxes';
import { createStats, type ListingStats, recordAttempt } from './stats';
import { type Ending, summaryLine } from './summary';
import { UsageError } from './usage-error';

/** The SDK query for the parsed flags; only flags that were given are set. */
function toQuery(args: ListArgs): ListQuery {
  const common = {
    ...(args.pageSize !== undefined && { pageSize: args.pageSize }),
    ...(args.ids && { ids: args.ids }),
    ...(args.search !== undefined && { search: args.search }),
  };
  if (args.provider !== 'shoplazza') return { provider: args.provider, ...common };
  return {
    provider: 'shoplazza',
    ...common,
    ...(args.updatedAfter && { updatedAfter: args.updatedAfter }),
    ...(args.updatedBefore && { updatedBefore: args.updatedBefore }),
    ...(args.productId !== undefined && { productId: args.productId }),
  };
}

/**
 * The collections of `pages`, counting each page as the SDK hands it out. A request is not a page (Shoplazza's
 * boundary probes, retries), so pages are not counted from attempt events. Leaving the loop early ends the
 * SDK's page iterator, which stops its requests.
 */
export async function* collectionsCountingPages(
  pages: AsyncIterable<CollectionsPage>,
  stats: ListingStats,
): AsyncGenerator<Collection, void, undefined> {
  for await (const page of pages) {
    stats[page.provider].pages += 1;
    yield* page.items;
  }
}

/** Counts each attempt, redraws the progress line and, when `verbose` is given, logs the attempt (redacted). */
function attemptObserver(
  stats: ListingStats,
  progress: ReturnType<typeof createProgress>,
  verbose: { io: CliIo; secrets: readonly string[] } | undefined,
) {
  return (reported: AttemptEvent): void => {
    // The runtime names no provider (its events carry a string); our two clients report theirs.
    const event = { ...reported, provider: reported.provider as ProviderName };
    recordAttempt(stats, event);
    if (verbose) {
      progress.clear();
      verbose.io.stderr.write(redact(attemptLine(event), verbose.secrets));
    }
    progress.update(true);
  };
}

/** How the listing ended, for the summary line. */
function endingOf(outcome: Awaited<ReturnType<typeof printCollections>>, max: number | undefined): Ending {
  if (outcome === 'max' && max !== undefined) return { kind: 'max', max };
  return outcome === 'stopped' ? { kind: 'interrupted' } : { kind: 'complete' };
}

/**
 * What mocking needs, checked before anything is printed or started: a bad query is a usage error at once, not
 * after the sandboxes took seconds to start (listPages() validates synchronously and sends nothing until
 * iterated), and so is a missing sandbox package. Undefined when nothing is mocked.
 */
async function sandboxPackageFor(plan: SourcePlan, query: ListQuery): Promise<SandboxPackage | undefined> {
  const mocked = sandboxedProviders(plan);
  if (mocked.length === 0) return undefined;
  createClientForPlan(plan, placeholderEndpoints(mocked), {}).listPages(query);
  const loaded = await loadSandboxPackage();
  if (!loaded) throw new UsageError(missingSandboxPackageMessage(plan));
  return loaded;
}

/**
 * `list`: plan the sources, start sandboxes for mocked providers, stream collections to stdout, and finish with
 * a summary on stderr. Stops requests on --max, Ctrl-C and a closed stdout. API errors propagate to the caller,
 * which maps them to an exit code; everything started here is closed first.
 */
export async function runList(args: ListArgs, io: CliIo, secrets: readonly string[]): Promise<ExitCode> {
  const plan = planSources(args, io.env);
  const providers = plannedProviders(plan);
  const query = toQuery(args);
  const sandboxPackage = await sandboxPackageFor(plan, query);
  const notice = sourceNotice(plan);
  if (notice) io.stderr.write(`${notice}\n`);

  const stop = new AbortController();
  const onInterrupt = (): void => stop.abort('interrupted');
  io.interrupt?.addEventListener('abort', onInterrupt, { once: true });
  if (io.interrupt?.aborted) onInterrupt();
  const output = createOutput(io.stdout, () => stop.abort('output-closed'));
  let sandboxes: SandboxEndpoints | undefined;
  try {
    sandboxes = sandboxPackage
      ? await startSandboxes(sandboxPackage, sandboxedProviders(plan))
      : { close: async () => {} };
    const stats = createStats();
    const progress = createProgress(io.stderr, stats, providers);
    const stdoutIsTerminal = io.stdout.isTTY === true;
    const onAttempt = attemptObserver(stats, progress, args.verbose ? { io, secrets } : undefined);
    const client = createClientForPlan(plan, sandboxes, { onAttempt });
    const formatter = createFormatter({
      format: args.format,
      raw: args.raw,
      shoplazza: plan.shoplazza !== undefined,
      ...(stdoutIsTerminal && io.stdout.columns !== undefined && { terminalColumns: io.stdout.columns }),
    });

    // Validated now, before any request: a bad query is the SDK's ValidationError (a usage error, exit 2).
    const collections = collectionsCountingPages(client.listPages(query, { signal: stop.signal }), stats);
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
    const ending = endingOf(outcome, args.max);
    io.stderr.write(`${summaryLine(stats, providers, performance.now() - started, ending)}\n`);
    if (ending.kind !== 'interrupted') return ExitCode.success;
    return io.interrupt?.reason === 'SIGTERM' ? ExitCode.terminated : ExitCode.interrupted;
  } finally {
    stop.abort('done');
    io.interrupt?.removeEventListener('abort', onInterrupt);
    await sandboxes?.close();
  }
}
