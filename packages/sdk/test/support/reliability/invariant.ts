import { CommerceCollectionsError } from '@commerce-collections/runtime';

/** What the facade attaches to a listing error (see the sdk README): how far it got and where to resume. */
export interface Progress {
  provider: string;
  yielded: number;
  resumeCursor: unknown;
}

export interface Segment {
  /** Ids yielded by this listing (the first, or a resumed one), in order. */
  ids: string[];
  /** What ended it, when it did not end normally. */
  error?: unknown;
  progress?: Progress;
}

export interface ResumableListing<Item> {
  /** Starts a listing; `resumeFrom` is undefined for the first one, else the failed listing's cursor. */
  list(resumeFrom: unknown, signal: AbortSignal): AsyncIterable<Item>;
  progressOf(error: unknown): Progress | undefined;
  idOf(item: Item): string;
  /** For listings over several providers: `progress.yielded` counts the current provider's items only. */
  providerOf?(item: Item): string;
}

export class InvariantViolation extends Error {
  override name = 'InvariantViolation';
}

/**
 * Lists, and after each failure checks the error is typed and carries progress, then resumes from its cursor,
 * at most `maxResumes` times. The whole thing must settle within `deadlineMs` (a hang is a failure; the
 * listing is then aborted so nothing keeps running). Returns every segment for the caller's invariant.
 */
export async function listWithResumes<Item>(
  listing: ResumableListing<Item>,
  options: { maxResumes: number; deadlineMs: number },
): Promise<Segment[]> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort(new Error('deadline'));
      reject(new InvariantViolation(`hang: the listing did not settle within ${options.deadlineMs} ms`));
    }, options.deadlineMs);
  });
  const run = async (): Promise<Segment[]> => {
    const segments: Segment[] = [];
    let resumeFrom: unknown;
    for (let round = 0; round <= options.maxResumes; round++) {
      const segment: Segment = { ids: [] };
      segments.push(segment);
      const perProvider = new Map<string, number>();
      try {
        for await (const item of listing.list(resumeFrom, controller.signal)) {
          segment.ids.push(listing.idOf(item));
          const provider = listing.providerOf?.(item);
          if (provider !== undefined) perProvider.set(provider, (perProvider.get(provider) ?? 0) + 1);
        }
        return segments;
      } catch (error) {
        segment.error = error;
        if (!(error instanceof CommerceCollectionsError)) {
          throw new InvariantViolation(
            `untyped exception after ${segment.ids.length} items: ${describe(error)}`,
            { cause: error },
          );
        }
        const progress = listing.progressOf(error);
        if (progress === undefined) {
          throw new InvariantViolation(`${error.name} carries no progress: ${error.message}`, {
            cause: error,
          });
        }
        segment.progress = progress;
        const yielded = listing.providerOf ? (perProvider.get(progress.provider) ?? 0) : segment.ids.length;
        if (progress.yielded !== yielded) {
          throw new InvariantViolation(
            `progress.yielded is ${progress.yielded} but the listing yielded ${yielded} ${progress.provider} items (${error.name}: ${error.message})`,
          );
        }
        resumeFrom = progress.resumeCursor;
      }
    }
    throw new InvariantViolation(
      `still failing after ${options.maxResumes} resumes: ${describeSegments(segments)}`,
    );
  };
  try {
    return await Promise.race([run(), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

export function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

export function describeSegments(segments: readonly Segment[]): string {
  return segments
    .map((segment, index) => {
      const end = segment.error === undefined ? 'done' : describe(segment.error);
      return `#${index}: ${segment.ids.length} items, ${end}`;
    })
    .join(' | ');
}

/** The strict invariant: the union of the segments is exactly `expected`, in order, nothing twice. */
export function assertExactlyOnceInOrder(segments: readonly Segment[], expected: readonly string[]): void {
  const all = segments.flatMap((segment) => segment.ids);
  const seen = new Set<string>();
  for (const id of all) {
    if (seen.has(id)) throw new InvariantViolation(`duplicate ${id}; ${describeSegments(segments)}`);
    seen.add(id);
  }
  if (all.length !== expected.length || all.some((id, index) => id !== expected[index])) {
    const missing = expected.filter((id) => !seen.has(id));
    const extra = all.filter((id) => !expected.includes(id));
    throw new InvariantViolation(
      `expected ${expected.length} items in order, got ${all.length} (missing ${missing.length}, unexpected ${extra.length}, first difference at ${all.findIndex((id, index) => id !== expected[index])}); ${describeSegments(segments)}`,
    );
  }
}

/**
 * The invariant when collections are inserted or removed mid-listing: nothing twice, nothing that never existed,
 * and every collection present for the whole listing (neither removed nor inserted) exactly once. Inserted and
 * removed ones may or may not appear.
 */
export function assertStableItemsOnce(
  segments: readonly Segment[],
  data: { initial: readonly string[]; removed: readonly string[]; inserted: readonly string[] },
): void {
  const all = segments.flatMap((segment) => segment.ids);
  const seen = new Set<string>();
  for (const id of all) {
    if (seen.has(id)) throw new InvariantViolation(`duplicate ${id}; ${describeSegments(segments)}`);
    seen.add(id);
  }
  const known = new Set([...data.initial, ...data.inserted]);
  const unknown = all.filter((id) => !known.has(id));
  if (unknown.length > 0) throw new InvariantViolation(`ids that never existed: ${unknown.join(', ')}`);
  const removed = new Set(data.removed);
  const missing = data.initial.filter((id) => !removed.has(id) && !seen.has(id));
  if (missing.length > 0) {
    throw new InvariantViolation(
      `silently missed ${missing.length} collection(s) present for the whole listing (${missing.join(', ')}); ${describeSegments(segments)}`,
    );
  }
}
