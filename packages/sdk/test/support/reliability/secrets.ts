import { inspect } from 'node:util';

/**
 * A token nobody would type by accident: if it shows up anywhere in an error, a log line, a hook event or CLI
 * output, it leaked. Visible ASCII only, so every client accepts it.
 */
export const SECRET_TOKEN = 'tok_RELIABILITY-S3CRET-7f3a9c51e0';

/** Every rendering of a value a user could end up printing or shipping to a log service. */
export function renderings(value: unknown): string[] {
  const out = [inspect(value, { depth: Number.POSITIVE_INFINITY, showHidden: true, getters: true })];
  try {
    out.push(JSON.stringify(value) ?? '');
  } catch (error) {
    out.push(`JSON.stringify threw: ${(error as Error).message}`);
  }
  try {
    out.push(String(value));
  } catch {
    // String(Object.create(null)) throws: nothing to scan.
  }
  if (value instanceof Error) {
    out.push(value.message, value.stack ?? '');
    let cause: unknown = value.cause;
    for (let depth = 0; cause !== undefined && depth < 10; depth++) {
      out.push(inspect(cause, { depth: Number.POSITIVE_INFINITY, showHidden: true }));
      cause = cause instanceof Error ? cause.cause : undefined;
    }
  }
  return out;
}

/** The renderings of `values` that contain `secret` (empty when nothing leaked), each trimmed around the hit. */
export function findLeaks(secret: string, values: readonly unknown[]): string[] {
  const leaks: string[] = [];
  for (const value of values) {
    for (const text of typeof value === 'string' ? [value] : renderings(value)) {
      const at = text.indexOf(secret);
      if (at !== -1) leaks.push(text.slice(Math.max(0, at - 120), at + secret.length + 40));
    }
  }
  return leaks;
}
