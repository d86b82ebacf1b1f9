function pushText(out: string[], value: unknown): void {
  if (typeof value === 'string' && value.length > 0 && !out.includes(value)) out.push(value);
}

/**
 * Messages of a HighLevel error body: `message` (a string, or a list on 422), then `error` (the status text,
 * e.g. "Unauthorized") when it says something `message` did not. A non-JSON body arrives as its text.
 */
export function extractHighLevelMessages(body: unknown): string[] {
  const out: string[] = [];
  if (typeof body === 'string') {
    pushText(out, body.trim());
    return out;
  }
  if (typeof body !== 'object' || body === null) return out;
  const { message, error } = body as { message?: unknown; error?: unknown };
  if (Array.isArray(message)) for (const item of message) pushText(out, item);
  else pushText(out, message);
  pushText(out, error);
  return out;
}
