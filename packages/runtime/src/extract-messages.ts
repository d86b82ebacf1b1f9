function asMessages(value: unknown): string[] | undefined {
  const strings = [value]
    .flat()
    .filter((item): item is string => typeof item === 'string' && item.length > 0);
  return strings.length > 0 ? strings : undefined;
}

/**
 * Messages from common error bodies: `{ message: string | string[] }`, then `{ errors: string | string[] }`,
 * then `{ error: string }`, or a plain-text body. The first that yields something wins, so
 * `{ message: "Invalid token…", error: "Unauthorized" }` gives just the message.
 */
export function defaultExtractMessages(body: unknown): string[] {
  if (typeof body === 'string') return body.trim().length > 0 ? [body.trim()] : [];
  if (typeof body !== 'object' || body === null) return [];
  const record = body as Record<string, unknown>;
  return asMessages(record.message) ?? asMessages(record.errors) ?? asMessages(record.error) ?? [];
}
