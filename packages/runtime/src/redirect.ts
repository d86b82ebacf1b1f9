import { type ErrorDetails, RedirectError } from './errors';
import { redactSecrets } from './redact';

// The server's own reason phrase is not used: it is free text and HTTP/2 has none.
const REDIRECT_TEXT: Record<number, string> = {
  300: 'Multiple Choices',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  304: 'Not Modified',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
};

const isRedirectStatus = (status: number): boolean => status >= 300 && status <= 399;

/**
 * An answer the transport refuses because it is (or comes from) a redirect: a 3xx (fetch is called with
 * `redirect: 'manual'`), a browser's opaque redirect (status 0, no headers), or a response a custom fetch
 * reached by following a redirect despite being asked not to.
 */
export function isRedirect(response: Response): boolean {
  return (
    isRedirectStatus(response.status) || response.type === 'opaqueredirect' || response.redirected === true
  );
}

/** Host and port only: a path or query may carry secrets. Undefined when the target is unknown or not a URL. */
function hostOf(target: string | null, base: string): string | undefined {
  if (!target) return undefined;
  try {
    return new URL(target, base).host || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The RedirectError for a response `isRedirect` accepted. `secrets` (the request's credentials) are scrubbed from
 * the host, for a server that would echo the token there.
 */
export function redirectError(
  response: Response,
  requestUrl: string,
  details: ErrorDetails & { secrets: readonly string[] },
): RedirectError {
  const { secrets, ...base } = details;
  if (response.type === 'opaqueredirect') return new RedirectError({ ...base, status: undefined });
  const status = response.status;
  const followed = !isRedirectStatus(status);
  const host = hostOf(followed ? response.url : response.headers.get('location'), requestUrl);
  const targetHost = host === undefined ? undefined : redactSecrets(host, secrets);
  if (!followed) {
    return new RedirectError({ ...base, status, statusText: REDIRECT_TEXT[status] ?? '', targetHost });
  }
  return new RedirectError({
    ...base,
    status,
    targetHost,
    message: `redirect refused (the fetch function followed one, to ${targetHost ?? 'an unknown target'}); API calls never follow redirects`,
  });
}
