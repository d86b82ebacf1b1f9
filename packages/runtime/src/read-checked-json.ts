import { InvalidResponseError } from './errors';
import type { Provider } from './provider';
import { readJsonBody } from './read-json';
import { redactSecrets, secretsOf } from './redact';
import { attemptsOf, responseContext } from './response-context';

/** What a client's page check found wrong: the field path (e.g. `data[3]._id`) and the rule it breaks. */
export interface ShapeProblem {
  field: string;
  rule: string;
}

export interface ReadCheckedJsonOptions {
  provider: Provider;
  operation: string;
  maxBodyBytes?: number;
  /** Response header carrying the request id, if the provider sends one. */
  requestIdHeader?: string;
  /** The client's cheap structural check; returns the problem instead of throwing, so a good body allocates nothing. */
  check: (body: unknown) => ShapeProblem | undefined;
}

/**
 * Reads a 2xx body the way every typed operation does: capped, strict JSON (readJsonBody), then the client's
 * shape check, whose failure becomes an InvalidResponseError naming the field. Returns the body as the type the
 * check guarantees, with the request id.
 */
export async function readCheckedJson<Page>(
  response: Response,
  options: ReadCheckedJsonOptions,
): Promise<{ page: Page; requestId: string | undefined }> {
  const { provider, operation } = options;
  const known = responseContext(response);
  const header = options.requestIdHeader;
  // The transport already read this header of a response it returned: one lookup less per call.
  const requestId = !header
    ? undefined
    : known !== undefined && known.requestIdHeader === header
      ? known.requestId
      : (response.headers.get(header) ?? undefined);
  const body = await readJsonBody(response, {
    provider,
    operation,
    maxBodyBytes: options.maxBodyBytes,
    requestId,
  });
  const problem = options.check(body);
  if (problem !== undefined) {
    const sentHeaders = known?.requestHeaders;
    throw new InvalidResponseError({
      provider,
      operation,
      status: response.status,
      requestId,
      attempts: attemptsOf(response),
      // A body that echoes the credentials (a misbehaving server or proxy) must not carry them into the error.
      body: sentHeaders ? redactSecrets(body, secretsOf(sentHeaders)) : body,
      reason: 'shape',
      field: problem.field,
      message: `invalid response (shape: ${problem.field} ${problem.rule})`,
    });
  }
  return { page: body as Page, requestId };
}
