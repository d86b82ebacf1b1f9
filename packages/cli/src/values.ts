import { UsageError } from './usage-error';

// Values are echoed back in errors so the user sees what was rejected; no secret ever reaches these parsers
// (tokens come from the environment only).
const shown = (value: string): string => JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);

export function parseChoice<const Choice extends string>(
  flag: string,
  value: string,
  choices: readonly Choice[],
): Choice {
  if ((choices as readonly string[]).includes(value)) return value as Choice;
  throw new UsageError(`--${flag} must be one of ${choices.join(', ')} (got ${shown(value)})`);
}

export function parsePositiveInteger(flag: string, value: string, maximum = Number.MAX_SAFE_INTEGER): number {
  const number = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < 1 || number > maximum) {
    const range = maximum === Number.MAX_SAFE_INTEGER ? 'of at least 1' : `from 1 to ${maximum}`;
    throw new UsageError(`--${flag} must be a whole number ${range} (got ${shown(value)})`);
  }
  return number;
}

/** A comma-separated list; blanks around commas are ignored, an empty list is an error. */
export function parseList(flag: string, value: string): string[] {
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
  if (items.length === 0) throw new UsageError(`--${flag} needs at least one value, comma-separated`);
  return items;
}

export function parseNonEmpty(flag: string, value: string): string {
  if (value.trim().length === 0) throw new UsageError(`--${flag} must not be empty`);
  return value;
}

const datePattern =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * An ISO-8601 date or date-time. A date alone is midnight UTC, and a time without an offset is UTC too, so
 * the same command means the same thing on every machine.
 */
export function parseDateTime(flag: string, value: string): Date {
  const text = value.trim();
  const match = datePattern.exec(text);
  if (match && validFields(match)) {
    const withTime = match[4] === undefined ? `${text}T00:00:00` : text.replace(' ', 'T');
    const date = new Date(match[7] === undefined ? `${withTime}Z` : withTime);
    if (!Number.isNaN(date.getTime())) return date;
  }
  throw new UsageError(
    `--${flag} must be an ISO-8601 date or date-time, e.g. 2024-05-01 or 2024-05-01T12:00:00Z (got ${shown(value)})`,
  );
}

/** Date would roll 2024-02-30 over to March 1st; refuse impossible fields instead. */
function validFields(match: RegExpExecArray): boolean {
  const [year, month, day, hour = 0, minute = 0, second = 0] = match
    .slice(1, 7)
    .map((part) => Number(part ?? 0));
  const daysInMonth = new Date(Date.UTC(year!, month!, 0)).getUTCDate();
  return (
    month! >= 1 &&
    month! <= 12 &&
    day! >= 1 &&
    day! <= daysInMonth &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59
  );
}

export function parseBaseUrl(flag: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--${flag} must be an absolute http(s) URL (got ${shown(value)})`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`--${flag} must be an absolute http(s) URL (got ${shown(value)})`);
  }
  // Userinfo would be a credential on the command line; tokens belong in the environment.
  if (url.username || url.password) {
    throw new UsageError(
      `--${flag} must not contain a user name or password; tokens come from the environment`,
    );
  }
  return value.replace(/\/+$/, '');
}
