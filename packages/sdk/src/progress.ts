import type { ProviderName } from './adapters/registry';
import type { PageCursor } from './cursor';

/** How far a listing got before it failed. */
export interface ListProgress {
  /** The provider being listed when the error happened. */
  provider: ProviderName;
  /** Items of that provider yielded by this `list()` call before the error. */
  yielded: number;
  /** The first page not yielded: pass it as `list(query, { resumeFrom })` to continue without duplicates. */
  resumeCursor: PageCursor;
}

// A registry symbol, so the ESM and CJS copies of this package see each other's progress.
const PROGRESS = Symbol.for('commerce-collections.sdk.list-progress');

/** Adds `progress` to an error thrown mid-listing and returns the error. Not enumerable: logs stay lean. */
export function attachProgress<E>(error: E, progress: ListProgress): E {
  // False for a primitive (nothing to attach to) and for a frozen or sealed error.
  if (Object.isExtensible(error)) {
    Object.defineProperty(error, 'progress', { value: progress, configurable: true, writable: true });
    Object.defineProperty(error, PROGRESS, { value: true, configurable: true });
  }
  return error;
}

/** The progress of a failed `list()`/`listPages()`, or undefined for any other error. */
export function getListProgress(error: unknown): ListProgress | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const record = error as Record<PropertyKey, unknown>;
  return record[PROGRESS] === true ? (record.progress as ListProgress) : undefined;
}

/** Type guard form of getListProgress. */
export function hasListProgress<E>(error: E): error is E & { progress: ListProgress } {
  return getListProgress(error) !== undefined;
}
