/** Query helpers shared by both sandboxes. */

/** A comma list as both vendors take it (`a,b`); blanks dropped. */
export function splitCommaList(value: string): string[] {
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/** Strict base-10 non-negative integer: `"10"` yes; `"1.5"`, `"-1"`, `"1e2"`, `""` no. */
export function parseNonNegativeInteger(value: string): number | undefined {
  return /^\d+$/.test(value) ? Number(value) : undefined;
}

export function includesIgnoringCase(haystack: string, needle: string): boolean {
  return haystack.toLowerCase().includes(needle.toLowerCase());
}
