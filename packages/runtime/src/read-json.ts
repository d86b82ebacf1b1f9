import { InvalidResponseError } from './errors';
import { discardBody, type ReadBodyContext, readBodyBytes } from './read-body';
import { redactSecrets, secretsOf } from './redact';
import { parseJsonSafely } from './safe-json';

export type ReadJsonOptions = ReadBodyContext;

/** What the transport delivers for a call: the response, and for typed calls its body already read. */
export interface Delivery {
  response: Response;
  /** A typed call's 2xx body, read (capped) inside the retry loop; undefined: the body is still on `response`. */
  bytes?: Uint8Array | undefined;
  requestId?: string | undefined;
  /** HTTP attempts made to get `response`. */
  attempts?: number;
  /** The headers the request was sent with: their credentials are scrubbed from a body that echoes them. */
  requestHeaders?: Headers;
}

/** What a client's page check found wrong: the field path (e.g. `data[3]._id`) and the rule it breaks. */
export interface ShapeProblem {
  field: string;
  rule: string;
}

export interface ReadCheckedJsonOptions extends ReadBodyContext {
  /** Response header carrying the request id; default: the one the transport read (`delivery.requestId`). */
  requestIdHeader?: string;
  /** The client's cheap structural check; returns the problem instead of throwing, so a good body allocates nothing. */
  check: (body: unknown) => ShapeProblem | undefined;
}

// One decoder for every call: decode() without { stream: true } keeps no state between calls. Made at first use,
// not at import.
let utf8: TextDecoder | undefined;

/** application/json, or any structured-syntax `+json` type (application/problem+json…), parameters ignored. */
export function isJsonContentType(contentType: string | null): boolean {
  if (contentType === null) return false;
  if (contentType === 'application/json' || contentType === 'application/json; charset=utf-8') return true;
  const end = contentType.indexOf(';');
  const type = (end === -1 ? contentType : contentType.slice(0, end)).trim().toLowerCase();
  return type === 'application/json' || (type.endsWith('+json') && type.indexOf('/') > 0);
}

function invalid(
  response: Response,
  options: ReadJsonOptions,
  reason: string,
  message: string,
  cause?: unknown,
) {
  return new InvalidResponseError({
    provider: options.provider,
    label: options.label,
    operation: options.operation,
    status: response.status,
    requestId: options.requestId,
    attempts: options.attempts ?? 1,
    reason,
    message: `invalid response (${reason}: ${message})`,
    cause,
  });
}

/**
 * A successful response's JSON body: checks the content type, caps the size (while streaming) unless `bytes`
 * were already read, decodes strict UTF-8 and parses without prototype-polluting keys. Every failure is an
 * InvalidResponseError (reason 'content-type', 'body-too-large', 'encoding' or 'json'), a TimeoutError or an
 * AbortedError.
 */
export async function readJsonBody(
  response: Response,
  options: ReadJsonOptions,
  bytes?: Uint8Array,
): Promise<unknown> {
  const contentType = response.headers.get('content-type');
  if (!isJsonContentType(contentType)) {
    discardBody(response);
    options.deadline?.release();
    const got = contentType ?? 'none';
    throw invalid(response, options, 'content-type', `expected application/json, got ${got}`);
  }
  const body = bytes ?? (await readBodyBytes(response, options));
  let text: string;
  try {
    utf8 ??= new TextDecoder('utf-8', { fatal: true });
    text = utf8.decode(body);
  } catch (error) {
    throw invalid(response, options, 'encoding', 'body is not valid UTF-8', error);
  }
  try {
    return parseJsonSafely(text);
  } catch (error) {
    throw invalid(response, options, 'json', (error as Error).message, error);
  }
}

/**
 * Reads a 2xx body the way every typed operation does: capped, strict JSON (readJsonBody), then the client's
 * shape check, whose failure becomes an InvalidResponseError naming the field. Returns the body as the type the
 * check guarantees, with the request id.
 */
export async function readCheckedJson<Page>(
  delivery: Delivery,
  options: ReadCheckedJsonOptions,
): Promise<{ page: Page; requestId: string | undefined }> {
  const { response, requestHeaders } = delivery;
  const header = options.requestIdHeader;
  const requestId = header ? (response.headers.get(header) ?? undefined) : delivery.requestId;
  const context = { ...options, requestId, attempts: delivery.attempts ?? options.attempts };
  const body = await readJsonBody(response, context, delivery.bytes);
  const problem = options.check(body);
  if (problem !== undefined) {
    throw new InvalidResponseError({
      provider: options.provider,
      label: options.label,
      operation: options.operation,
      status: response.status,
      requestId,
      attempts: context.attempts ?? 1,
      // A body that echoes the credentials (a misbehaving server or proxy) must not carry them into the error.
      body: requestHeaders ? redactSecrets(body, secretsOf(requestHeaders)) : body,
      reason: 'shape',
      field: problem.field,
      message: `invalid response (shape: ${problem.field} ${problem.rule})`,
    });
  }
  return { page: body as Page, requestId };
}
