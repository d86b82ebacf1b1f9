import { collectMessages } from './collect-messages';
import { type ApiError, CommerceCollectionsError, createApiError } from './errors';
import { type ReadBodyContext, readBodyBytes } from './read-body';
import { redactSecrets } from './redact';
import { parseJsonSafely } from './safe-json';
import { statusText } from './status-text';
import type { TransportOptions } from './transport';

/** `secrets`: credentials the request carried (see secretsOf), scrubbed from the body and messages. */
type HttpErrorContext = ReadBodyContext &
  Pick<TransportOptions, 'extractMessages'> & { retryAfterMs?: number; secrets: readonly string[] };

// Without a provider's fields: the first of `message`, `errors` and `error` that holds any, or a text body.
const defaultMessages = (body: unknown): string[] =>
  ['message', 'errors', 'error'].map((field) => collectMessages(body, [field])).find((m) => m.length > 0) ??
  [];

function parseErrorBody(bytes: Uint8Array): unknown {
  if (bytes.byteLength === 0) return undefined;
  // Error bodies are informational: decode leniently (U+FFFD for bad bytes) rather than lose the status.
  const text = new TextDecoder().decode(bytes);
  try {
    return parseJsonSafely(text);
  } catch {
    return text;
  }
}

/** A non-2xx response (body capped, under the deadline) as its ApiError; a timeout or abort while reading as that. */
export async function httpError(response: Response, context: HttpErrorContext): Promise<ApiError> {
  const bytes = await readBodyBytes(response, context).catch((error: unknown) => {
    if (error instanceof CommerceCollectionsError) throw error;
    return new Uint8Array(0); // the connection dropped mid-body: the status still says what happened
  });
  const body = redactSecrets(parseErrorBody(bytes), context.secrets);
  const reason = response.statusText || statusText(response.status);
  const found = (context.extractMessages ?? defaultMessages)(body);
  const messages = found.length > 0 || !reason ? found : [reason];
  // Only the details' known fields are kept: never the deadline, the signal or the secrets.
  return createApiError({ ...context, status: response.status, statusText: reason, body, messages });
}
