/**
 * The Retry-After forms a 429 can carry, as a real server would send them (real wall clock, computed when the
 * 429 is answered), and a fault hook that answers the first request with 429 + that header and records when the
 * server saw each request (monotonic clock).
 */
export interface RetryAfterForm {
  name: string;
  /** The header value, made when the 429 is sent. */
  header: (wallNow: number) => string;
  /** 'retried': the call waits and succeeds; 'refused': past the cap, RateLimitError at once. */
  outcome: 'retried' | 'refused';
}

export const retryAfterForms: readonly RetryAfterForm[] = [
  { name: 'integer seconds', header: () => '1', outcome: 'retried' },
  { name: 'decimal seconds', header: () => '0.5', outcome: 'retried' },
  // HTTP dates have 1 s resolution: 1.5 s ahead is sent as 0.5–1.5 s ahead (the seconds are cut off).
  {
    name: 'an HTTP date ~1.5 s ahead',
    header: (now) => new Date(now + 1500).toUTCString(),
    outcome: 'retried',
  },
  {
    name: 'an HTTP date in the past',
    header: (now) => new Date(now - 60_000).toUTCString(),
    outcome: 'retried',
  },
  { name: 'unparseable', header: () => 'soon', outcome: 'retried' },
  { name: 'an HTTP date in year 9999', header: () => 'Fri, 31 Dec 9999 23:59:59 GMT', outcome: 'refused' },
  { name: '1e20 seconds', header: () => '100000000000000000000', outcome: 'refused' },
];

/** The wait a header asks for, as the server meant it when it sent it (0 when it asks for none it can say). */
export function requestedDelayMs(header: string, wallNow: number): number {
  if (/^\d+(\.\d+)?$/.test(header)) return Number(header) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? 0 : Math.max(0, date - wallNow);
}

export interface RetryAfterOnce {
  /** For a sandbox's `faults`: request 0 gets 429 + the header, the rest are answered normally. */
  faults: (context: {
    requestIndex: number;
  }) => { status: number; headers: Record<string, string> } | undefined;
  /** performance.now() when the server saw each request. */
  seenAt: number[];
  /** The header sent and the delay it asked for, once the 429 went out. */
  sent?: { header: string; delayMs: number };
}

export function retryAfterOnce(form: RetryAfterForm): RetryAfterOnce {
  const state: RetryAfterOnce = {
    seenAt: [],
    faults: ({ requestIndex }) => {
      state.seenAt[requestIndex] = performance.now();
      if (requestIndex !== 0) return undefined;
      const wallNow = Date.now();
      const header = form.header(wallNow);
      state.sent = { header, delayMs: requestedDelayMs(header, wallNow) };
      return { status: 429, headers: { 'retry-after': header } };
    },
  };
  return state;
}

/** Timer granularity: a timer may fire up to a millisecond before a sub-millisecond clock says it is due. */
export const TIMER_SLACK_MS = 5;

/** Collects process warnings (a TimeoutOverflowWarning means a delay ≥ 2^31 ms reached setTimeout). */
export function collectWarnings(): { names: string[]; stop: () => void } {
  const names: string[] = [];
  const listener = (warning: Error): void => {
    names.push(warning.name);
  };
  process.on('warning', listener);
  return { names, stop: () => process.off('warning', listener) };
}
