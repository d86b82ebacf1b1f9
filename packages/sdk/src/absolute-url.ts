/** `//host/…` gets `https:` (both providers serve https); http(s) stays; anything else has no host: undefined. */
export function absoluteUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length === 0) return undefined;
  if (value.startsWith('//')) return `https:${value}`;
  if (value.startsWith('https://') || value.startsWith('http://')) return value;
  return undefined;
}
