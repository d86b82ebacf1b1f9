/** An error body's messages from `fields` (strings or lists of them), in order, without repeats; or its text. */
export function collectMessages(body: unknown, fields: readonly string[]): string[] {
  if (typeof body === 'string') return body.trim().length > 0 ? [body.trim()] : [];
  if (typeof body !== 'object' || body === null) return [];
  const values = fields.flatMap((field) => (body as Record<string, unknown>)[field]);
  return [...new Set(values.filter((item): item is string => typeof item === 'string' && item.length > 0))];
}
