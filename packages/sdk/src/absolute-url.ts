/**
 * An image URL made absolute: protocol-relative `//host/…` gets `https:` (both providers serve images over
 * https); absolute http(s) URLs are kept as they are. Anything else (empty, a bare path) has no host we could
 * trust, so it becomes undefined — the value is still in `raw`.
 */
export function absoluteUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length === 0) return undefined;
  if (value.startsWith('//')) return `https:${value}`;
  if (value.startsWith('https://') || value.startsWith('http://')) return value;
  return undefined;
}
