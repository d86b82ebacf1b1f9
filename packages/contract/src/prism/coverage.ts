import type { ApiName } from '../sandbox/types';
import { type DeclaredResponse, listDeclaredResponses } from './declared-responses';

/** A declared (operation, status, example) triple that no test recorded. */
export interface UncoveredResponse {
  operationId: string;
  status: string;
  /** `undefined` when the status declares no named example (any recorded exchange covers it). */
  exampleName: string | undefined;
}

export interface CoverageTracker {
  /** Marks an exchange as exercised. Throws if the spec declares no such operation, status or example. */
  record(operationId: string, status: string | number, exampleName?: string): void;
  /** Every declared triple never recorded; a meta-test asserts this is empty. */
  missing(): UncoveredResponse[];
}

/**
 * Tracks which declared responses a suite exercised. Recording something the spec does not declare
 * throws at once, so a renamed example cannot silently pass the coverage check.
 */
export function createCoverageTracker(
  api: ApiName,
  declared: DeclaredResponse[] = listDeclaredResponses(api),
) {
  const seen = new Set<string>();
  const key = (operationId: string, status: string, example: string | undefined) =>
    JSON.stringify([operationId, status, example ?? null]);
  const tracker: CoverageTracker = {
    record(operationId, status, exampleName) {
      const code = String(status);
      const entry = declared.find((item) => item.operationId === operationId && item.status === code);
      if (!entry) {
        throw new Error(
          `The ${api} spec declares no response ${code} for operation ${JSON.stringify(operationId)}.`,
        );
      }
      if (exampleName !== undefined && !entry.exampleNames.includes(exampleName)) {
        throw new Error(
          `The ${api} spec declares no example ${JSON.stringify(exampleName)} for ${operationId} ${code}` +
            ` (declared: ${entry.exampleNames.join(', ') || 'none'}).`,
        );
      }
      seen.add(key(operationId, code, exampleName));
      seen.add(key(operationId, code, undefined));
    },
    missing() {
      const uncovered: UncoveredResponse[] = [];
      for (const entry of declared) {
        const names = entry.exampleNames.length > 0 ? entry.exampleNames : [undefined];
        for (const exampleName of names) {
          if (!seen.has(key(entry.operationId, entry.status, exampleName))) {
            uncovered.push({ operationId: entry.operationId, status: entry.status, exampleName });
          }
        }
      }
      return uncovered;
    },
  };
  return tracker;
}
