import { readFileSync } from 'node:fs';
import type { Finding } from './findings';

/** Known drift that does not fail `verify` until it expires. */
export interface BaselineEntry {
  operation: string;
  /** Matches a finding's location exactly (as printed by verify, e.g. `response.body.total`). */
  location: string;
  /** When set, the finding's message must contain it. */
  message?: string;
  /** Last day (UTC, inclusive) the entry suppresses anything. */
  expires: string;
  reason: string;
}

export class BaselineError extends Error {
  override readonly name = 'BaselineError';
}

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** Reads and checks a baseline file; every problem names the entry index and field. */
export function loadBaseline(file: string): BaselineEntry[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new BaselineError(`--baseline ${file}: cannot read JSON (${(error as Error).message}).`);
  }
  if (!Array.isArray(raw)) throw new BaselineError(`--baseline ${file}: expected a JSON array of entries.`);
  return raw.map((entry: unknown, index) => {
    const value = (entry ?? {}) as Record<string, unknown>;
    const text = (field: string, required: boolean) => {
      const fieldValue = value[field];
      if (fieldValue === undefined && !required) return undefined;
      if (typeof fieldValue !== 'string' || fieldValue.length === 0) {
        throw new BaselineError(`--baseline ${file}: entry ${index} needs a non-empty string "${field}".`);
      }
      return fieldValue;
    };
    const expires = text('expires', true) as string;
    if (!datePattern.test(expires) || Number.isNaN(Date.parse(`${expires}T00:00:00Z`))) {
      throw new BaselineError(`--baseline ${file}: entry ${index} "expires" must be a date YYYY-MM-DD.`);
    }
    const message = text('message', false);
    return {
      operation: text('operation', true) as string,
      location: text('location', true) as string,
      ...(message === undefined ? {} : { message }),
      expires,
      reason: text('reason', true) as string,
    };
  });
}

export function isExpired(entry: BaselineEntry, today: Date): boolean {
  return entry.expires < today.toISOString().slice(0, 10);
}

export function matchesEntry(finding: Finding, entry: BaselineEntry): boolean {
  return (
    finding.operation === entry.operation &&
    finding.location === entry.location &&
    (entry.message === undefined || finding.message.includes(entry.message))
  );
}

export interface BaselineOutcome {
  /** Findings no live entry covers: these fail the run. */
  fresh: Finding[];
  /** Findings a live (unexpired) entry covers. */
  suppressed: { finding: Finding; entry: BaselineEntry }[];
  /** Entries past their date: they suppress nothing and fail the run until renewed or removed. */
  expired: BaselineEntry[];
  /** Live entries that matched nothing (the drift may be fixed: remove them). */
  unused: BaselineEntry[];
}

export function applyBaseline(findings: readonly Finding[], entries: readonly BaselineEntry[], today: Date) {
  const live = entries.filter((entry) => !isExpired(entry, today));
  const outcome: BaselineOutcome = {
    fresh: [],
    suppressed: [],
    expired: entries.filter((entry) => isExpired(entry, today)),
    unused: [],
  };
  const used = new Set<BaselineEntry>();
  for (const finding of findings) {
    const entry = live.find((candidate) => matchesEntry(finding, candidate));
    if (entry) {
      used.add(entry);
      outcome.suppressed.push({ finding, entry });
    } else {
      outcome.fresh.push(finding);
    }
  }
  outcome.unused = live.filter((entry) => !used.has(entry));
  return outcome;
}
