/** An error body's messages from `fields` (strings or lists of them), in order, without repeats; or its text. */
export function collectMessages(body: unknown, fields: readonly string[]): string[] {
  if (typeof body === 'string') return body.trim().length > 0 ? [body.trim()] : [];
  const out: string[] = [];
  if (typeof body !== 'object' || body === null) return out;
  for (const field of fields) {
    const value = (body as Record<string, unknown>)[field];
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item === 'string' && item.length > 0 && !out.includes(item)) out.push(item);
    }
  }
  return out;
}
