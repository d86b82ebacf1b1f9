import fc from 'fast-check';

/**
 * One fault the sandbox plays on one request. The schedule of a run is a list of these, applied to requests
 * 0, 1, 2… of that run (resumed listings included); every later request is answered normally, so a run that
 * keeps resuming always ends.
 */
export type FaultKind =
  | 'ok'
  | 'reset-before-headers'
  | 'reset-mid-body'
  | 'truncated-body'
  | 'truncated-json'
  | 'html-502'
  | 'html-503'
  | 'text-plain'
  | 'server-500'
  | '429-seconds'
  | '429-seconds-over-cap'
  | '429-http-date'
  | '429-http-date-over-cap'
  | '429-absent'
  | '429-absurd'
  | 'slow';

/** Every kind except 'ok', for suites that must see each one at least once. */
export const FAULT_KINDS: readonly Exclude<FaultKind, 'ok'>[] = [
  'reset-before-headers',
  'reset-mid-body',
  'truncated-body',
  'truncated-json',
  'html-502',
  'html-503',
  'text-plain',
  'server-500',
  '429-seconds',
  '429-seconds-over-cap',
  '429-http-date',
  '429-http-date-over-cap',
  '429-absent',
  '429-absurd',
  'slow',
];

/** Timing knobs shared by the schedule and the client options of a run: everything small, so runs are cheap. */
export const FAST = {
  /** Client per-attempt timeout. */
  timeoutMs: 200,
  /** What a 'slow' response waits before answering: well past the timeout. */
  slowDelayMs: 450,
  retry: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 4, maxRetryAfterMs: 50 },
} as const;

const HTML_PAGE = (status: number, text: string) =>
  `<!DOCTYPE html>\n<html><head><title>${status} ${text}</title></head>\r\n<body><center><h1>${status} ${text}</h1></center><hr><center>nginx</center></body></html>\n`;

/** The sandbox action(s) for one fault kind (the shape of packages/contract's FaultAction, minus mutations). */
export type WireFault =
  | { status: number; body?: unknown; headers?: Record<string, string>; contentType?: string }
  | { delayMs: number }
  | { resetConnection: 'before-headers' | 'mid-body' }
  | { truncateBody: true };

export function wireFault(
  kind: FaultKind,
  errorBody: unknown,
  slowDelayMs: number = FAST.slowDelayMs,
): WireFault | undefined {
  switch (kind) {
    case 'ok':
      return undefined;
    case 'reset-before-headers':
      return { resetConnection: 'before-headers' };
    case 'reset-mid-body':
      return { resetConnection: 'mid-body' };
    case 'truncated-body':
      return { truncateBody: true };
    case 'truncated-json':
      // A complete HTTP response (correct Content-Length) whose JSON is cut off.
      return { status: 200, body: '{"data":[{"_id":"abc","name":"Cut', contentType: 'application/json' };
    case 'html-502':
      return { status: 502, body: HTML_PAGE(502, 'Bad Gateway'), contentType: 'text/html' };
    case 'html-503':
      return {
        status: 503,
        body: HTML_PAGE(503, 'Service Temporarily Unavailable'),
        contentType: 'text/html',
      };
    case 'text-plain':
      return { status: 200, body: 'OK', contentType: 'text/plain; charset=utf-8' };
    case 'server-500':
      return { status: 500, body: errorBody };
    case '429-seconds':
      return { status: 429, body: errorBody, headers: { 'Retry-After': '0' } };
    case '429-seconds-over-cap':
      // 1 s is past FAST.retry.maxRetryAfterMs: the client must fail at once with retryAfterMs, not wait.
      return { status: 429, body: errorBody, headers: { 'Retry-After': '1' } };
    case '429-http-date':
      return {
        status: 429,
        body: errorBody,
        headers: { 'Retry-After': new Date(Date.now() - 5_000).toUTCString() },
      };
    case '429-http-date-over-cap':
      return {
        status: 429,
        body: errorBody,
        headers: { 'Retry-After': new Date(Date.now() + 3_600_000).toUTCString() },
      };
    case '429-absent':
      return { status: 429, body: errorBody };
    case '429-absurd':
      return { status: 429, body: errorBody, headers: { 'Retry-After': '999999999999' } };
    case 'slow':
      return { delayMs: slowDelayMs };
  }
}

/** Faults a fast-check run can draw, 'ok' most often; runs of a kind (bursts) come from `repeat`. */
export const faultKindArbitrary: fc.Arbitrary<FaultKind> = fc.oneof(
  { arbitrary: fc.constant<FaultKind>('ok'), weight: 12 },
  { arbitrary: fc.constantFrom<FaultKind>(...FAULT_KINDS.filter((kind) => kind !== 'slow')), weight: 8 },
  { arbitrary: fc.constant<FaultKind>('slow'), weight: 1 },
);

/** A schedule: bursts of faults, flattened to one kind per request index. */
export const scheduleArbitrary: fc.Arbitrary<FaultKind[]> = fc
  .array(fc.record({ kind: faultKindArbitrary, repeat: fc.integer({ min: 1, max: 4 }) }), { maxLength: 8 })
  .map((bursts) => bursts.flatMap(({ kind, repeat }) => Array.from({ length: repeat }, () => kind)));

/**
 * Dataset size and page size for a run: sizes 0–60, with a bias towards the edges (empty, one item, an exact
 * multiple of the page size, so the last page is empty or exactly full).
 */
export const shapeArbitrary = fc
  .record({
    pageSize: fc.oneof(fc.constantFrom(1, 2, 5, 10), fc.integer({ min: 1, max: 25 })),
    size: fc.integer({ min: 0, max: 60 }),
    exactMultiple: fc.boolean(),
  })
  .map(({ pageSize, size, exactMultiple }) => ({
    pageSize,
    size: exactMultiple ? Math.min(60, Math.floor(size / pageSize) * pageSize) : size,
  }));

/** fast-check parameters: FC_SEED / FC_PATH replay a failure printed by an earlier run. */
export function fcParameters(numRuns: number): fc.Parameters<unknown> {
  const seed = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
  const path = process.env.FC_PATH;
  return {
    numRuns,
    ...(seed === undefined || Number.isNaN(seed) ? {} : { seed }),
    ...(path === undefined ? {} : { path }),
    // Shrinking re-runs real HTTP listings many times: report the first failure (seed + path) instead.
    endOnFailure: process.env.FC_SHRINK === undefined,
  };
}
