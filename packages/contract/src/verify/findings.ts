import type { PrismViolation } from '../prism/violations';

/** One distinct contract problem found by `verify`. */
export interface Finding {
  operation: string;
  /** Dotted JSON path with array indexes folded to `[*]`, e.g. `response.body.data[*]`. */
  location: string;
  message: string;
  code: string;
  severity: string;
  /** Labels of the documented requests that showed it (`default`, `name=example`, ...). */
  requests: string[];
}

/** Folds `data.0` / `data.17` to `data[*]`, so one drift on 20 items is one finding, not 20. */
export function foldIndexes(text: string): string {
  return text.replace(/\.(\d+)(?=\.|\s|$|')/g, '[*]');
}

export function findingFromViolation(operation: string, violation: PrismViolation, request: string): Finding {
  return {
    operation,
    location: foldIndexes(violation.location.join('.')),
    message: foldIndexes(violation.message),
    code: violation.code,
    severity: violation.severity,
    requests: [request],
  };
}

/** Merges findings with the same operation, location and message, keeping every request label. */
export function mergeFindings(findings: readonly Finding[]): Finding[] {
  const merged = new Map<string, Finding>();
  for (const finding of findings) {
    const key = JSON.stringify([finding.operation, finding.location, finding.message]);
    const existing = merged.get(key);
    if (existing) {
      for (const request of finding.requests)
        if (!existing.requests.includes(request)) existing.requests.push(request);
    } else {
      merged.set(key, { ...finding, requests: [...finding.requests] });
    }
  }
  return [...merged.values()];
}
