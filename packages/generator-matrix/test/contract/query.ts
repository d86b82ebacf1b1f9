/** The raw (still percent-encoded) values of one query key, in order, from a request target `/path?query`. */
export function rawQueryValues(url: string, key: string): string[] {
  const query = url.includes('?') ? url.slice(url.indexOf('?') + 1) : '';
  return query
    .split('&')
    .filter((pair) => pair.split('=')[0] === key)
    .map((pair) => pair.slice(pair.indexOf('=') + 1));
}

/**
 * Strict percent-decoding (RFC 3986): `+` stays a plus. A client that writes a space as `+` is read as sending
 * a plus by servers that do not apply form decoding, so only `%20` counts as a correctly encoded space.
 */
export function strictDecode(raw: string): string {
  return decodeURIComponent(raw);
}
