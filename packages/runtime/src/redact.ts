const words = (text: string): Set<string> => new Set(text.split(/\s+/));

// Names whose values are credentials, compared lower-case.
const SECRET_HEADERS = words(`authorization proxy-authorization access-token x-access-token cookie set-cookie
  x-api-key api-key`);
const SECRET_PARAMS = words(`token access_token access-token accesstoken refresh_token id_token api_key apikey
  api-key key client_secret secret password code signature sig`);

export const REDACTED = '[redacted]';

/** A plain copy of `headers` (names lower-cased by Headers) with credential values replaced by "[redacted]". */
export function redactHeaders(headers: HeadersInit | Iterable<[string, string]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of new Headers(headers as HeadersInit))
    out[name] = SECRET_HEADERS.has(name) ? REDACTED : value;
  return out;
}

/** `url` without userinfo and without query parameters that carry credentials (token, access_token…). */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // Not parseable: drop everything that could hold a secret rather than guess.
    return url.replace(/[?#][\s\S]*$/, '').replace(/\/\/[^/@]*@/, '//');
  }
  parsed.username = '';
  parsed.password = '';
  const secret = [...parsed.searchParams.keys()].filter((name) => SECRET_PARAMS.has(name.toLowerCase()));
  for (const name of secret) parsed.searchParams.delete(name);
  return parsed.href;
}

/** The credentials a request carries (secret header values, also without a `Bearer ` scheme), longest first. */
export function secretsOf(headers: Headers): string[] {
  const secrets: string[] = [];
  for (const [name, value] of headers) {
    if (!SECRET_HEADERS.has(name) || value.length === 0) continue;
    secrets.push(value);
    const space = value.indexOf(' ');
    if (space > 0 && space < value.length - 1) secrets.push(value.slice(space + 1));
  }
  return secrets.sort((a, b) => b.length - a.length);
}

function scrubText(text: string, secrets: readonly string[]): string {
  return secrets.reduce((out, secret) => out.replaceAll(secret, REDACTED), text);
}

/** A copy of `value` (parsed JSON or text) with the secrets replaced: a server may echo the token back. */
export function redactSecrets<T>(value: T, secrets: readonly string[]): T {
  if (secrets.length === 0) return value;
  const redact = (item: unknown): unknown => redactSecrets(item, secrets);
  if (typeof value === 'string') return scrubText(value, secrets) as T;
  if (Array.isArray(value)) return value.map(redact) as T;
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).map(([key, item]) => [scrubText(key, secrets), redact(item)]);
  return Object.fromEntries(entries) as T;
}
