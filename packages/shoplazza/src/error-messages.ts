function pushText(out: string[], value: unknown): void {
  if (typeof value === 'string' && value.length > 0 && !out.includes(value)) out.push(value);
}

/**
 * Messages of a Shoplazza error body, which carries `error` (a string; the vendor's table says Array, so a list
 * is accepted too) or `errors` (a list of strings) depending on the implementation, or (2025-06 pages) the
 * envelope's `message`. A non-JSON body arrives as its text.
 */
export function extractShoplazzaMessages(body: unknown): string[] {
  const out: string[] = [];
  if (typeof body === 'string') {
    pushText(out, body.trim());
    return out;
  }
  if (typeof body !== 'object' || body === null) return out;
  const { error, errors, message } = body as { error?: unknown; errors?: unknown; message?: unknown };
  for (const value of [error, errors, message]) {
    if (Array.isArray(value)) for (const item of value) pushText(out, item);
    else pushText(out, value);
  }
  return out;
}
