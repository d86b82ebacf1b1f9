/** One finding Prism reported for a request or a response. */
export interface PrismViolation {
  severity: string;
  /** Where: `['response', 'body', 'total']`, `['request', 'query', 'limit']`, ... */
  location: string[];
  message: string;
  code: string;
}

// Prism cuts the header at about 8 KB and prefixes this; the JSON after it is then incomplete.
const truncatedPrefix = 'Too many violations! ';

function toViolation(raw: unknown): PrismViolation {
  const value = (raw ?? {}) as Record<string, unknown>;
  return {
    severity: String(value.severity ?? 'Error'),
    location: Array.isArray(value.location) ? value.location.map(String) : [],
    message: String(value.message ?? ''),
    code: String(value.code ?? ''),
  };
}

/**
 * The violations Prism put in the `sl-violations` response header (mock and proxy mode alike), or `[]`.
 * A request Prism refused (422/401 problem+json) lists its violations in the body's `validation` field
 * instead, with locations not prefixed by `request`: see `parseProblemViolations`.
 * When Prism truncated the header, one synthetic violation with code `truncated` says so.
 */
export function parseViolations(response: { headers: Headers }): PrismViolation[] {
  const header = response.headers.get('sl-violations');
  if (header === null || header.length === 0) return [];
  const truncated = header.startsWith(truncatedPrefix);
  try {
    const parsed: unknown = JSON.parse(truncated ? header.slice(truncatedPrefix.length) : header);
    return Array.isArray(parsed) ? parsed.map(toViolation) : [toViolation(parsed)];
  } catch {
    return [
      {
        severity: 'Error',
        location: [],
        message: truncated
          ? 'Prism truncated the sl-violations header (too many violations); run with fewer items to see them all'
          : `Unreadable sl-violations header: ${header.slice(0, 200)}`,
        code: truncated ? 'truncated' : 'unreadable',
      },
    ];
  }
}

/**
 * The `validation` list of a Prism problem+json body (refused request, or a response turned into a 500 by
 * `errors`), with request locations prefixed by `request` like in `sl-violations`. `[]` for other bodies.
 */
export function parseProblemViolations(body: string): PrismViolation[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return [];
  }
  const validation = (parsed as { validation?: unknown } | null)?.validation;
  if (!Array.isArray(validation)) return [];
  return validation.map(toViolation).map((violation) => ({
    ...violation,
    location:
      violation.location[0] === 'request' || violation.location[0] === 'response'
        ? violation.location
        : ['request', ...violation.location],
  }));
}
