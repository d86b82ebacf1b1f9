import { type ApiError, CommerceCollectionsError, createApiError } from './errors';
import { defaultExtractMessages } from './extract-messages';
import { type ReadBodyContext, readBodyBytes } from './read-body';
import { redactSecrets } from './redact';
import { parseJsonSafely } from './safe-json';
import { statusText } from './status-text';
import type { TransportOptions } from './transport';

/** `secrets`: credentials the request carried (see secretsOf), scrubbed from the body and messages. */
type HttpErrorContext = ReadBodyContext &
  Pick<TransportOptions, 'extractMessages'> & { retryAfterMs?: number; secrets: readonly string[] };

// Error bodies are informational: decode leniently (U+FFFD for bad bytes) rather than lose the status.
let lenientUtf8: TextDecoder | undefined;

function parseErrorBody(bytes: Uint8Array): unknown {
  if (bytes.byteLength === 0) return undefined;
  lenientUtf8 ??= new TextDecoder('utf-8');
  const text = lenientUtf8.decode(bytes);
  try {
    return parseJsonSafely(text);
  } catch {
    return text;
  }
}

function safeExtract(extract: (body: unknown) => string[], body: unknown): string[] {
  try {
    const messages = extract(body);
    return Array.isArray(messages) ? messages.filter((m) => typeof m === 'string' && m.length > 0) : [];
  } catch {
    return []; // a provider extractor that trips on an unexpected shape must not hide the HTTP error
  }
}

/** A non-2xx response (body capped, under the deadline) as its ApiError; a timeout or abort while reading as that. */
export async function httpError(response: Response, context: HttpErrorContext): Promise<ApiError> {
  let body: unknown;
  try {
    body = redactSecrets(parseErrorBody(await readBodyBytes(response, context)), context.secrets);
  } catch (error) {
    if (error instanceof CommerceCollectionsError) throw error;
    // the connection dropped mid-body: the status still says what happened
  }
  const reason = response.statusText || statusText(response.status);
  const messages = safeExtract(context.extractMessages ?? defaultExtractMessages, body);
  if (messages.length === 0 && reason) messages.push(reason);
  // Only the details' known fields are kept: never the deadline, the signal or the secrets.
  return createApiError({ ...context, status: response.status, statusText: reason, body, messages });
}
