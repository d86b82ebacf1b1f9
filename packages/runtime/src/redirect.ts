import { type ErrorDetails, RedirectError } from './errors';
import { redactSecrets } from './redact';
import { statusText } from './status-text';

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
  const status = response.status;
  const followed = !isRedirectStatus(status);
  const host = hostOf(followed ? response.url : response.headers.get('location'), requestUrl);
  const targetHost = host === undefined ? undefined : redactSecrets(host, secrets);
  if (!followed) return new RedirectError({ ...base, status, statusText: statusText(status), targetHost });
  const message = `redirect refused (the fetch function followed one, to ${targetHost ?? 'an unknown target'})`;
  return new RedirectError({
    ...base,
    status,
    targetHost,
    message: `${message}; API calls never follow redirects`,
  });
}
