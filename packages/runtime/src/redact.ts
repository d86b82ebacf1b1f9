/** Header names whose values are credentials; compared lower-case. */
const SECRET_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'access-token',
  'x-access-token',
  'cookie',
  'set-cookie',
  'x-api-key',
  'api-key',
]);

/** Query parameter names whose values are credentials; compared lower-case. */
const SECRET_PARAMS = new Set([
  'token',
  'access_token',
  'access-token',
  'accesstoken',
  'refresh_token',
  'id_token',
  'api_key',
  'apikey',
  'api-key',
  'key',
  'client_secret',
  'secret',
  'password',
  'code',
  'signature',
  'sig',
]);

export const REDACTED = '[redacted]';

/** A plain copy of `headers` with credential values replaced by "[redacted]". Names are lower-cased. */
export function redactHeaders(
  headers: Headers | Record<string, string> | Iterable<[string, string]>,
): Record<string, string> {
  const out: Record<string, string> = {};
  const entries =
    headers instanceof Headers || Symbol.iterator in Object(headers)
      ? (headers as Iterable<[string, string]>)
      : Object.entries(headers as Record<string, string>);
  for (const [name, value] of entries) {
    const key = name.toLowerCase();
    out[key] = SECRET_HEADERS.has(key) ? REDACTED : value;
  }
  return out;
}

/** `url` without userinfo and without query parameters that carry credentials (token, access_token…). */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // Not parseable: drop everything that could hold a secret rather than guess.
    const cut = url.search(/[?#]/);
    const head = cut === -1 ? url : url.slice(0, cut);
    return head.replace(/\/\/[^/@]*@/, '//');
  }
  parsed.username = '';
  parsed.password = '';
  if (parsed.search !== '') {
    for (const name of [...parsed.searchParams.keys()]) {
      if (SECRET_PARAMS.has(name.toLowerCase())) parsed.searchParams.delete(name);
    }
  }
  return parsed.href;
}

/**
 * The credential values a request carries (each secret header's value, and its part after a scheme such as
 * `Bearer `), to scrub from anything a server sends back. Only called on error paths.
 */
export function secretsOf(headers: Headers): string[] {
  const secrets: string[] = [];
  for (const [name, value] of headers) {
    if (!SECRET_HEADERS.has(name) || value.length === 0) continue;
    secrets.push(value);
    const space = value.indexOf(' ');
    if (space > 0 && space < value.length - 1) secrets.push(value.slice(space + 1));
  }
  // Longest first, so a whole `Bearer <token>` is replaced before the bare token inside it.
  return secrets.sort((a, b) => b.length - a.length);
}

function scrubText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  return out;
}

/**
 * A copy of `value` (parsed JSON or text) with every occurrence of the secrets replaced by "[redacted]": a
 * server that echoes the token back (in a 401 body, say) must not get it into our errors, logs or output.
 */
export function redactSecrets<T>(value: T, secrets: readonly string[]): T {
  if (secrets.length === 0) return value;
  if (typeof value === 'string') return scrubText(value, secrets) as T;
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item, secrets)) as T;
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value))
      out[scrubText(key, secrets)] = redactSecrets(item, secrets);
    return out as T;
  }
  return value;
}
