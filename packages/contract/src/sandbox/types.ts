import type { IncomingHttpHeaders } from 'node:http';

/** Which vendor API a sandbox, mock or proxy imitates. */
export type ApiName = 'highlevel' | 'shoplazza';

/** `faithful` answers exactly as the spec says; `drifted` breaks the contract on purpose (see README). */
export type SandboxMode = 'faithful' | 'drifted';

export interface RateLimitOptions {
  /** Requests allowed per interval. */
  limit: number;
  /** Interval length in milliseconds, before `timeScale` is applied. */
  intervalMs: number;
}

/** One exchange as the sandbox saw it. Secret headers are replaced by `[redacted]`. */
export interface RequestLogEntry {
  requestIndex: number;
  method: string;
  /** Path and query exactly as received on the wire. */
  url: string;
  headers: Record<string, string>;
  /** Status sent, or `undefined` when the connection was reset before the headers. */
  status: number | undefined;
}

/** What a `faults` hook sees for each request, before the sandbox handles it. */
export interface FaultContext<Dataset> {
  /** 0-based index of this request since start (or the last `reset()`). */
  requestIndex: number;
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  dataset: Dataset;
}

/** Answer with this instead of the sandbox's own response. `body` objects are sent as JSON. */
export interface RespondFault {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  contentType?: string;
}
/** Wait before handling (and before any other fault in the same list). */
export interface DelayFault {
  delayMs: number;
}
/** Destroy the socket, either before any byte of the response or after half of the body. */
export interface ResetConnectionFault {
  resetConnection: 'before-headers' | 'mid-body';
}
/** Announce the full Content-Length but send only half of the body, then close. */
export interface TruncateBodyFault {
  truncateBody: true;
}
/** Insert collections into the dataset before this request is handled (at `index`, default the end). */
export interface InsertFault<Item> {
  insert: Item | readonly Item[];
  index?: number;
}
/** Remove collections (by id) from the dataset before this request is handled. */
export interface RemoveFault {
  remove: string | readonly string[];
}

export type FaultAction<Item> =
  | RespondFault
  | DelayFault
  | ResetConnectionFault
  | TruncateBodyFault
  | InsertFault<Item>
  | RemoveFault;

/**
 * Called once per request. Return nothing to let the sandbox answer normally, one action, or a list of
 * actions applied in order (dataset mutations and delays first, then the response-shaping ones).
 */
export type FaultHook<Dataset, Item> = (
  context: FaultContext<Dataset>,
) => FaultAction<Item> | readonly FaultAction<Item>[] | undefined;

export interface SandboxOptionsBase<Dataset, Item> {
  /** How many collections to generate. Default 250. */
  collections?: number;
  /** Seed for the generated data. Same seed, same bytes. Default `'sandbox'`. */
  seed?: string;
  /** The token the sandbox accepts. Default `'sandbox-token'`. */
  token?: string;
  /** Added to every response, in milliseconds. Default 0. */
  latencyMs?: number;
  /** The vendor's rate limit, or `false` to never answer 429. */
  rateLimit?: RateLimitOptions | false;
  /** Multiplies rate-limit intervals (0.1 = ten times faster). Default 1. */
  timeScale?: number;
  mode?: SandboxMode;
  faults?: FaultHook<Dataset, Item>;
  /** Port to listen on. Default 0 (any free port). */
  port?: number;
}

export interface RunningSandbox<Dataset> {
  /** Base URL, e.g. `http://127.0.0.1:39123`, no trailing slash. */
  url: string;
  close(): Promise<void>;
  readonly requestLog: readonly RequestLogEntry[];
  /** Restores the generated dataset and clears the log, the request counter and the rate limiter. */
  reset(): void;
  dataset: Dataset;
}
