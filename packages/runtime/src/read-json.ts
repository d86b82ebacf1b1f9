import { discardBody, invalidResponse, type ReadBodyContext, readBodyBytes } from './read-body';
import { redactSecrets, secretsOf } from './redact';
import { parseJsonSafely } from './safe-json';

/** What the transport delivers for a call: the response, and for typed calls its body already read. */
export interface Delivery {
  response: Response;
  /** A typed call's 2xx body, read (capped) inside the retry loop; undefined: the body is still on `response`. */
  bytes?: Uint8Array | undefined;
  requestId?: string | undefined;
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
  /** The client's structural check: the problem, or undefined for a good body. */
  check: (body: unknown) => ShapeProblem | undefined;
}

// One decoder for every call (decode() without { stream: true } keeps no state), made at first use.
let utf8: TextDecoder | undefined;

/** application/json, or any structured-syntax `+json` type (application/problem+json…), parameters ignored. */
export function isJsonContentType(contentType: string | null): boolean {
  return /^\s*(?:application\/json|[^/;]+\/[^;]*\+json)\s*(?:;|$)/i.test(contentType ?? '');
}

/** A 2xx response's JSON body: content type checked, capped (unless `bytes` given), strict UTF-8, safe parse. */
export async function readJsonBody(response: Response, options: ReadBodyContext, bytes?: Uint8Array) {
  const contentType = response.headers.get('content-type');
  if (!isJsonContentType(contentType)) {
    discardBody(response);
    options.deadline?.release();
    const got = contentType ?? 'none';
    throw invalidResponse(response, options, 'content-type', `expected application/json, got ${got}`);
  }
  const body = bytes ?? (await readBodyBytes(response, options));
  let text: string | undefined;
  try {
    utf8 ??= new TextDecoder('utf-8', { fatal: true });
    text = utf8.decode(body);
    return parseJsonSafely(text);
  } catch (error) {
    const cause = { cause: error };
    if (text === undefined)
      throw invalidResponse(response, options, 'encoding', 'body is not valid UTF-8', cause);
    throw invalidResponse(response, options, 'json', (error as Error).message, cause);
  }
}

/** A typed operation's 2xx body: readJsonBody, then the client's shape check (a failure names the field). */
export async function readCheckedJson<Page>(delivery: Delivery, options: ReadCheckedJsonOptions) {
  const { response, requestHeaders } = delivery;
  const header = options.requestIdHeader;
  const requestId = header ? (response.headers.get(header) ?? undefined) : delivery.requestId;
  const { provider, label, operation, maxBodyBytes, signal, deadline } = options; // no spread: see bodyContext
  const attempts = delivery.attempts ?? options.attempts;
  const context = { provider, label, operation, requestId, attempts, maxBodyBytes, signal, deadline };
  const body = await readJsonBody(response, context, delivery.bytes);
  const problem = options.check(body);
  if (problem !== undefined) {
    // A body that echoes the credentials (a misbehaving server or proxy) must not carry them into the error.
    const shown = requestHeaders ? redactSecrets(body, secretsOf(requestHeaders)) : body;
    const { field, rule } = problem;
    throw invalidResponse(response, context, 'shape', `${field} ${rule}`, { body: shown, field });
  }
  return { page: body as Page, requestId };
}
