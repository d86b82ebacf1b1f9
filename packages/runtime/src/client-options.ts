import type { Hooks } from './attempt-report';
import type { Logger, LogLevel } from './logging';
import type { RetryOptions } from './retry';

/** What a token function is told: `refresh` is true on the retry after a 401 (mint a new token then). */
export interface TokenContext {
  refresh: boolean;
}

/** The token, or a function called before every attempt (with `{ refresh: true }` once after a 401). */
export type TokenSource = string | ((context: TokenContext) => string | Promise<string>);

/** The behaviour options every client takes (and the facade shares between its clients). */
export interface SharedClientOptions {
  /** Default: globalThis.fetch at call time. */
  fetch?: typeof globalThis.fetch;
  /** Default { maxRetries: 2, baseDelayMs: 500, maxDelayMs: 8000, maxRetryAfterMs: 60000 }; false: none. */
  retry?: RetryOptions | false;
  /** Per attempt, body included. Default 30000. */
  timeoutMs?: number;
  logger?: Logger;
  /** Default 'silent'; with only a `logger`, 'debug' (the logger filters for itself). */
  logLevel?: LogLevel;
  hooks?: Hooks;
  /** Response body cap. Default 10 MiB. */
  maxBodyBytes?: number;
}
