import { type ErrorDetails, ValidationError } from './errors';

/** Who is validating: named in every ValidationError. */
export type ValidationContext = Pick<ErrorDetails, 'provider' | 'label' | 'operation'>;

// Without a context the message still names the option and the rule.
const DEFAULT_CONTEXT: ValidationContext = { provider: 'unknown', operation: 'createClient' };

function fail(
  context: ValidationContext | undefined,
  option: string,
  rule: string,
  value: unknown,
  secret = false,
): never {
  throw new ValidationError({ ...(context ?? DEFAULT_CONTEXT), option, rule, value, secret });
}

const VISIBLE_ASCII = /^[\x21-\x7e]+$/;
// C0 and C1 controls, DEL, or a lone UTF-16 surrogate (with the u flag a paired one is one code point).
const CONTROL_OR_LONE_SURROGATE = /[\p{Cc}\uD800-\uDFFF]/u;

/** A token: a non-empty string of visible ASCII (no spaces, CR/LF or non-ASCII). Never echoed in errors. */
export function validateToken(value: unknown, option = 'token', context?: ValidationContext): void {
  if (typeof value !== 'string' || !VISIBLE_ASCII.test(value)) {
    const rule = 'must be a non-empty string of visible ASCII characters (no spaces or line breaks)';
    fail(context, option, rule, value, true);
  }
}

// The URL parser has already canonicalised IPv4 (127.1 → 127.0.0.1, octets ≤ 255, hex/octal decoded).
const LOOPBACK = /^(localhost|\[::1\]|127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;
const HTTPS_RULE = 'must use https (http is allowed only for localhost, 127.0.0.0/8 and [::1])';

/** An absolute https URL (http only for loopback), without userinfo, query or fragment. */
export function validateBaseUrl(value: unknown, option = 'baseUrl', context?: ValidationContext): URL {
  const text = value instanceof URL ? value.href : value;
  if (typeof text !== 'string' || text.length === 0)
    fail(context, option, 'must be an absolute URL string', value);
  // The URL parser silently strips tabs and line breaks and trims spaces: refuse them instead.
  if (/\s/.test(text) || CONTROL_OR_LONE_SURROGATE.test(text))
    fail(context, option, 'must not contain whitespace or control characters', value);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail(context, option, 'must be an absolute URL', value);
  }
  // Userinfo holds credentials: never echo the value.
  if (url.username !== '' || url.password !== '')
    fail(context, option, 'must not contain a user name or password', value, true);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.test(url.hostname)))
    fail(context, option, HTTPS_RULE, value);
  if (url.search !== '' || text.includes('?'))
    fail(context, option, 'must not contain a query string', value);
  if (url.hash !== '' || text.includes('#')) fail(context, option, 'must not contain a fragment', value);
  return url;
}

/** A safe integer in [min, max]; numbers only (no numeric strings), no NaN or Infinity. */
export function validateInteger(
  value: unknown,
  option: string,
  min: number,
  max?: number,
  context?: ValidationContext,
): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > (max ?? value)) {
    const rule = max === undefined ? `of at least ${min}` : `from ${min} to ${max}`;
    fail(context, option, `must be an integer ${rule}`, value);
  }
  return value;
}

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;
const DATE_TIME_RULE = 'must be an RFC 3339 date-time with Z or a ±hh:mm offset (e.g. 2024-01-31T23:59:59Z)';

type Fields = [number, number, number, number, number, number, number, number];

/** UTC as YYYY-MM-DDTHH:mm:ssZ, the form APIs document most (fractions of a second are dropped). */
function formatUtc(date: Date): string | undefined {
  const iso = date.toISOString(); // throws on an invalid Date; 6-digit years start with + or -
  return /^\d{4}-/.test(iso) ? `${iso.slice(0, 19)}Z` : undefined;
}

/** An RFC 3339 date-time with an offset (without, it would depend on the time zone) or a Date, as UTC. */
export function validateDateTime(value: unknown, option: string, context?: ValidationContext): string {
  if (value instanceof Date) {
    const formatted = Number.isNaN(value.getTime()) ? undefined : formatUtc(value);
    return formatted ?? fail(context, option, 'must be a valid Date between years 0001 and 9999', value);
  }
  const match = typeof value === 'string' ? RFC3339.exec(value) : null;
  if (!match) return fail(context, option, DATE_TIME_RULE, value);
  const [year, month, day, hour, minute, second, offsetHours, offsetMinutes] = [1, 2, 3, 4, 5, 6, 9, 10].map(
    (group) => Number(match[group] ?? 0),
  ) as Fields;
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day); // Date.UTC maps years 0–99 to 1900–1999
  utc.setUTCHours(hour, minute, second, 0);
  // Date rolls a field out of range over (Feb 30 → Mar 1, a leap second → the next minute): compare what it kept.
  const kept = utc.toISOString().slice(5, 19) === match[0].slice(5, 19).toUpperCase();
  if (!kept || offsetHours > 23 || offsetMinutes > 59)
    return fail(context, option, `${DATE_TIME_RULE}; a field is out of range`, value);
  const offsetMs = (match[8] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  const formatted = formatUtc(new Date(utc.getTime() - offsetMs));
  return formatted ?? fail(context, option, `${DATE_TIME_RULE}; year out of range`, value);
}

const ID_FORBIDDEN = /[\s,\p{Cc}\uD800-\uDFFF]/u;

/** A non-empty array of ids: non-empty strings without commas, whitespace or control characters. */
export function validateIdList(
  value: unknown,
  option: string,
  maxItems?: number,
  context?: ValidationContext,
): string[] {
  if (!Array.isArray(value) || value.length === 0)
    fail(context, option, 'must be a non-empty array of id strings', value);
  if (value.length > (maxItems ?? value.length))
    fail(context, option, `must contain at most ${maxItems} ids`, value);
  value.forEach((id: unknown, index) => {
    if (typeof id !== 'string' || id.length === 0 || ID_FORBIDDEN.test(id)) {
      const rule = 'must be a non-empty string without commas, whitespace or control characters';
      fail(context, `${option}[${index}]`, rule, id);
    }
  });
  return value;
}

/** Search text: a non-empty string without control characters (CR/LF…), at most `maxLength` characters. */
export function validateSearchText(
  value: unknown,
  option: string,
  maxLength = 255,
  context?: ValidationContext,
): string {
  if (typeof value !== 'string' || value.length === 0)
    fail(context, option, 'must be a non-empty string', value);
  if (CONTROL_OR_LONE_SURROGATE.test(value))
    fail(context, option, 'must not contain control characters (such as CR or LF) or lone surrogates', value);
  // Code points, not UTF-16 units: an emoji is one character to the user.
  if ([...value].length > maxLength) fail(context, option, `must be at most ${maxLength} characters`, value);
  return value;
}
