import { type ErrorDetails, RedirectError } from './errors';
import { redactSecrets } from './redact';

const isRedirectStatus = (status: number): boolean => status >= 300 && status <= 399;

/** A 3xx (fetch is called with `redirect: 'manual'`), a browser's opaque redirect, or a followed one. */
export function isRedirect(response: Response): boolean {
  return (
    isRedirectStatus(response.status) || response.type === 'opaqueredirect' || response.redirected === true
  );
}

// Host and port only: a path or query may carry secrets.
function hostOf(target: string | null, base: string): string | undefined {
  try {
    return (target && new URL(target, base).host) || undefined;
  } catch {
    return undefined;
  }
}

/** The RedirectError for a response `isRedirect` accepted; `secrets` are scrubbed from the host. */
export function redirectError(
  response: Response,
  requestUrl: string,
  details: ErrorDetails & { secrets: readonly string[] },
): RedirectError {
  const { secrets, ...base } = details;
  if (response.type === 'opaqueredirect') return new RedirectError({ ...base, status: undefined });
  const { status } = response;
  const target = isRedirectStatus(status) ? response.headers.get('location') : response.url; // else: followed
  const host = hostOf(target, requestUrl);
  return new RedirectError({ ...base, status, targetHost: host && redactSecrets(host, secrets) });
}
