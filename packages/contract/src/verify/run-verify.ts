import { setTimeout as sleep } from 'node:timers/promises';
import { startPrismProxy } from '../prism/proxy';
import { readSpecDocument } from '../prism/spec-source';
import { type PrismViolation, parseProblemViolations, parseViolations } from '../prism/violations';
import type { ApiName } from '../sandbox/types';
import {
  buildDocumentedRequests,
  type DocumentedRequest,
  type ParameterOverrides,
  requestTarget,
} from './documented-requests';
import { type Finding, findingFromViolation, mergeFindings } from './findings';

export interface VerifyOptions {
  api: ApiName;
  /** Base URL of the service to check. */
  upstream: string;
  /** Sent as the spec's security scheme says; never printed. */
  token: string;
  /** Parameter values that replace the spec's examples (e.g. `{ altId: '<location>' }`). */
  overrides?: ParameterOverrides;
  /** Requests per second, at most. Default 2. */
  ratePerSecond?: number;
  /** At most this many requests. Default 20. */
  maxRequests?: number;
  /**
   * Whole-run budget in milliseconds. Default 60 000. `runVerify` returns at the budget, but a request Prism has
   * already forwarded stays open until the upstream answers (Prism cannot cancel it); the CLI exits regardless.
   */
  timeoutMs?: number;
  /** The spec document; default the bundled spec of `api`. */
  document?: Record<string, unknown>;
}

/** One documented request as it went through the validating proxy. */
export interface VerifyExchange {
  operation: string;
  label: string;
  method: string;
  /** Path and query sent. */
  target: string;
  status: number | undefined;
  violations: PrismViolation[];
  /** Transport failure (timeout, refused connection), without secrets. */
  error?: string;
}

export interface VerifyResult {
  exchanges: VerifyExchange[];
  /** Distinct problems, merged across requests. */
  findings: Finding[];
  /** Documented requests not sent because of `maxRequests`. */
  notSent: number;
  timedOut: boolean;
}

function describeProblem(body: string): string {
  try {
    const { title, detail } = JSON.parse(body) as { title?: unknown; detail?: unknown };
    const text = [title, detail].filter((part) => typeof part === 'string' && part.length > 0).join(': ');
    return text ? ` (Prism: ${text})` : '';
  } catch {
    return '';
  }
}

/** What sending the planned requests produced, before findings are merged. */
interface VerifyRun {
  exchanges: VerifyExchange[];
  findings: Finding[];
  timedOut: boolean;
}

/** Where to send, how fast, until when, and with which token. */
interface SendPlan {
  proxyUrl: string;
  token: string;
  ratePerSecond: number;
  /** `performance.now()` value at which the run's budget is spent (monotonic: a wall-clock step must not end or stretch it). */
  deadline: number;
}

/** The request's headers and query with the token where the spec's security scheme puts it. */
function withToken(request: DocumentedRequest, token: string) {
  const headers: Record<string, string> = { ...request.headers, accept: 'application/json' };
  const query = [...request.query];
  if (request.auth?.in === 'header') {
    headers[request.auth.name] = request.auth.scheme === 'bearer' ? `Bearer ${token}` : token;
  } else if (request.auth?.in === 'query') {
    query.push([request.auth.name, token]);
  }
  return { headers, query };
}

/** Records the proxy's answer: its violations, and a finding when a positive request did not get a 2xx. */
function recordAnswer(
  request: DocumentedRequest,
  exchange: VerifyExchange,
  response: Response,
  body: string,
  findings: Finding[],
): void {
  exchange.status = response.status;
  exchange.violations = parseViolations(response);
  // A request Prism refused never reached the upstream; its reasons are in the problem+json body.
  const refused = (response.headers.get('content-type') ?? '').startsWith('application/problem+json');
  if (refused && exchange.violations.length === 0) exchange.violations = parseProblemViolations(body);
  for (const violation of exchange.violations) {
    findings.push(findingFromViolation(request.operationId, violation, request.label));
  }
  if (response.status < 200 || response.status > 299) {
    // Prism's own failures (upstream unreachable, ...) come as problem+json with a title saying why.
    const problem = refused && exchange.violations.length === 0 ? describeProblem(body) : '';
    findings.push({
      operation: request.operationId,
      location: 'response.status',
      message: `expected a 2xx answer to a documented positive request, got ${response.status}${problem}`,
      code: 'status',
      severity: 'Error',
      requests: [request.label],
    });
  }
}

/** Records a request that got no answer; returns whether it was cut by the run's budget. */
function recordFailure(
  request: DocumentedRequest,
  exchange: VerifyExchange,
  error: unknown,
  findings: Finding[],
): boolean {
  const aborted = (error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError';
  // Only the error's name/cause code: never the request (it carries the token in a header).
  const cause = (error as { cause?: { code?: string } }).cause?.code;
  exchange.error = aborted ? 'timed out' : `request failed (${cause ?? (error as Error).name})`;
  findings.push({
    operation: request.operationId,
    location: 'request',
    message: exchange.error,
    code: aborted ? 'timeout' : 'transport',
    severity: 'Error',
    requests: [request.label],
  });
  return aborted;
}

/** Sends one request through the proxy within `remainingMs`; returns whether the budget cut it. */
async function sendOne(
  request: DocumentedRequest,
  plan: SendPlan,
  remainingMs: number,
  run: VerifyRun,
): Promise<boolean> {
  const { headers, query } = withToken(request, plan.token);
  const exchange: VerifyExchange = {
    operation: request.operationId,
    label: request.label,
    method: request.method,
    target: requestTarget({ path: request.path, query: request.query }),
    status: undefined,
    violations: [],
  };
  run.exchanges.push(exchange);
  try {
    const response = await fetch(`${plan.proxyUrl}${requestTarget({ path: request.path, query })}`, {
      method: request.method,
      headers,
      signal: AbortSignal.timeout(Math.ceil(remainingMs)), // a fraction (performance.now) is a RangeError
    });
    const body = await response.text();
    recordAnswer(request, exchange, response, body, run.findings);
    return false;
  } catch (error) {
    return recordFailure(request, exchange, error, run.findings);
  }
}

/** Sends the requests in order at most `ratePerSecond`, stopping when the budget is spent. */
async function sendAll(planned: readonly DocumentedRequest[], plan: SendPlan): Promise<VerifyRun> {
  const run: VerifyRun = { exchanges: [], findings: [], timedOut: false };
  let lastSentAt = Number.NEGATIVE_INFINITY; // the first request goes at once
  for (const request of planned) {
    const gap = 1000 / plan.ratePerSecond - (performance.now() - lastSentAt);
    if (gap > 0) await sleep(gap);
    const remainingMs = plan.deadline - performance.now();
    if (remainingMs <= 0) {
      run.timedOut = true;
      break;
    }
    lastSentAt = performance.now();
    if (await sendOne(request, plan, remainingMs, run)) {
      run.timedOut = true;
      break;
    }
  }
  return run;
}

/**
 * Sends each documented positive request through Prism's validating proxy (errors off, so the upstream's
 * real answer still comes back) and collects every request and response violation. A non-2xx answer to
 * a documented positive request is a finding too (location `response.status`).
 */
export async function runVerify(options: VerifyOptions): Promise<VerifyResult> {
  const ratePerSecond = options.ratePerSecond ?? 2;
  const maxRequests = options.maxRequests ?? 20;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const document = options.document ?? readSpecDocument(options.api);
  // Read-only requests only: verify runs against production accounts, and documented examples of a
  // write operation would create or change data there.
  const all = buildDocumentedRequests(document, options.overrides).filter(
    (request) => request.method === 'GET' || request.method === 'HEAD',
  );
  const planned = all.slice(0, maxRequests);
  const proxy = await startPrismProxy({ api: options.api, upstream: options.upstream, errors: false });
  const deadline = performance.now() + timeoutMs;
  let run: VerifyRun;
  try {
    run = await sendAll(planned, { proxyUrl: proxy.url, token: options.token, ratePerSecond, deadline });
  } finally {
    await proxy.close();
  }
  const { exchanges, findings, timedOut } = run;
  if (timedOut && !findings.some((finding) => finding.code === 'timeout')) {
    findings.push({
      operation: '*',
      location: 'run',
      message: `timed out after ${timeoutMs} ms with ${planned.length - exchanges.length} requests unsent`,
      code: 'timeout',
      severity: 'Error',
      requests: [],
    });
  }
  return { exchanges, findings: mergeFindings(findings), notSent: all.length - planned.length, timedOut };
}
