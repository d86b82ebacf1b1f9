import { type ErrorDetails, ValidationError } from './errors';

/** Who is validating: named in every ValidationError. */
export type ValidationContext = Pick<ErrorDetails, 'provider' | 'label' | 'operation'>;
type Context = ValidationContext;

const DEFAULT_CONTEXT: ValidationContext = { provider: 'unknown', operation: 'createClient' };

export function fail(option: string, rule: string, value: unknown, context?: Context, secret = false): never {
  throw new ValidationError({ ...(context ?? DEFAULT_CONTEXT), option, rule, value, secret });
}

const VISIBLE_ASCII = /^[\x21-\x7e]+$/;
const TOKEN_RULE = 'must be a non-empty string of visible ASCII characters (no spaces or line breaks)';
// C0 and C1 controls, DEL, or a lone UTF-16 surrogate (with the u flag a paired one is one code point).
const CONTROL_OR_LONE_SURROGATE = /[\p{Cc}\uD800-\uDFFF]/u;

/** A token: a non-empty string of visible ASCII (no spaces, CR/LF or non-ASCII). Never echoed in errors. */
export function validateToken(value: unknown, option = 'token', context?: Context): void {
  if (typeof value !== 'string' || !VISIBLE_ASCII.test(value)) fail(option, TOKEN_RULE, value, context, true);
}

// The URL parser has already canonicalised IPv4 (127.1 → 127.0.0.1, octets ≤ 255, hex/octal decoded).
const LOOPBACK = /^(localhost|\[::1\]|127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;
const HTTPS_RULE = 'must use https (http is allowed only for localhost, 127.0.0.0/8 and [::1])';

/** An absolute https URL (http only for loopback), without userinfo, query or fragment. */
export function validateBaseUrl(value: unknown, option = 'baseUrl', context?: Context): URL {
  const text = value instanceof URL ? value.href : value;
  if (typeof text !== 'string' || text === '') fail(option, 'must be an absolute URL string', value, context);
  // The URL parser silently strips tabs and line breaks and trims spaces: refuse them instead.
  if (/\s/.test(text) || CONTROL_OR_LONE_SURROGATE.test(text))
    fail(option, 'must not contain whitespace or control characters', value, context);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail(option, 'must be an absolute URL', value, context);
  }
  // Userinfo holds credentials: never echo the value.
  if (url.username !== '' || url.password !== '')
    fail(option, 'must not contain a user name or password', value, context, true);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.test(url.hostname)))
    fail(option, HTTPS_RULE, value, context);
  if (text.includes('?')) fail(option, 'must not contain a query string', value, context);
  if (text.includes('#')) fail(option, 'must not contain a fragment', value, context);
  return url;
}

/** A safe integer in [min, max]; numbers only (no numeric strings), no NaN or Infinity. */
export function validateInteger(
  value: unknown,
  option: string,
  min: number,
  max?: number,
  context?: Context,
): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > (max ?? value)) {
    const rule = max === undefined ? `of at least ${min}` : `from ${min} to ${max}`;
    fail(option, `must be an integer ${rule}`, value, context);
  }
  return value;
}

// The offset is checked here (at most ±23:59); Date checks the other fields.
const RFC3339 =
  /^(\d{4}-\d{2}-\d{2})[Tt](\d{2}:\d{2}:\d{2})(?:\.\d{1,9})?(?:[Zz]|([+-])([01]\d|2[0-3]):([0-5]\d))$/;
const DATE_TIME_RULE = 'must be an RFC 3339 date-time with Z or a ±hh:mm offset (e.g. 2024-01-31T23:59:59Z)';

/** UTC as YYYY-MM-DDTHH:mm:ssZ, the form APIs document most; undefined for an invalid Date or a 6-digit year. */
function formatUtc(date: Date): string | undefined {
  const iso = Number.isNaN(date.getTime()) ? '' : date.toISOString();
  return /^\d{4}-/.test(iso) ? `${iso.slice(0, 19)}Z` : undefined;
}

/** An RFC 3339 date-time with an offset (without, it would depend on the time zone) or a Date, as UTC. */
export function validateDateTime(value: unknown, option: string, context?: Context): string {
  if (value instanceof Date)
    return (
      formatUtc(value) ?? fail(option, 'must be a valid Date between years 0001 and 9999', value, context)
    );
  const match = typeof value === 'string' ? RFC3339.exec(value) : null;
  if (!match) return fail(option, DATE_TIME_RULE, value, context);
  const [, date, time, sign, hours = '0', minutes = '0'] = match;
  // A format every engine parses, as UTC; Date rolls a field out of range over (Feb 30 → Mar 1) or refuses it.
  const utc = new Date(`${date}T${time}Z`);
  if (formatUtc(utc) !== `${date}T${time}Z`)
    return fail(option, `${DATE_TIME_RULE}; a field is out of range`, value, context);
  const offsetMs = (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes)) * 60_000;
  const formatted = formatUtc(new Date(utc.getTime() - offsetMs));
  return formatted ?? fail(option, `${DATE_TIME_RULE}; year out of range`, value, context);
}

const ID = /^[^\s,\p{Cc}\uD800-\uDFFF]+$/u;
const ID_RULE = 'must be a non-empty string without commas, whitespace or control characters';

/** A non-empty array of ids: non-empty strings without commas, whitespace or control characters. */
export function validateIdList(value: unknown, option: string, context?: Context): string[] {
  if (!Array.isArray(value) || value.length === 0)
    fail(option, 'must be a non-empty array of id strings', value, context);
  value.forEach((id: unknown, index) => {
    if (typeof id !== 'string' || !ID.test(id)) fail(`${option}[${index}]`, ID_RULE, id, context);
  });
  return value;
}

/** Search text: a non-empty string without control characters (CR/LF…), at most `maxLength` characters. */
export function validateSearchText(
  value: unknown,
  option: string,
  context?: Context,
  maxLength = 255,
): string {
  if (typeof value !== 'string' || value === '') fail(option, 'must be a non-empty string', value, context);
  if (CONTROL_OR_LONE_SURROGATE.test(value))
    fail(option, 'must not contain control characters (such as CR or LF) or lone surrogates', value, context);
  // Code points, not UTF-16 units: an emoji is one character to the user.
  if ([...value].length > maxLength) fail(option, `must be at most ${maxLength} characters`, value, context);
  return value;
}
