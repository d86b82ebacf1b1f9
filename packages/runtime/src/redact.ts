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
