function asMessages(value: unknown): string[] | undefined {
  const strings = [value]
    .flat()
    .filter((item): item is string => typeof item === 'string' && item.length > 0);
  return strings.length > 0 ? strings : undefined;
}

/** Messages from `{ message }`, else `{ errors }`, else `{ error }` (a string or strings), or a text body. */
export function defaultExtractMessages(body: unknown): string[] {
  if (typeof body === 'string') return body.trim().length > 0 ? [body.trim()] : [];
  if (typeof body !== 'object' || body === null) return [];
  const record = body as Record<string, unknown>;
  return asMessages(record.message) ?? asMessages(record.errors) ?? asMessages(record.error) ?? [];
}
