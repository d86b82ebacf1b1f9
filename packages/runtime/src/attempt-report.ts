import type { SharedClientOptions } from './client-options';
import { consoleLogger, type LogLevel, levelEnabled } from './logging';
import { redactHeaders } from './redact';

/** One HTTP attempt, reported to `hooks.onAttempt` (and logged at debug level). */
export interface AttemptEvent {
  provider: string;
  operation: string;
  method: string;
  /** The request URL without userinfo or credential query parameters. */
  url: string;
  attempt: number; // 1-based
  status?: number;
  /** From sending the request to the response headers (or the failure). */
  durationMs: number;
  rateLimitWaitMs: number; // waiting for the rate limiter before this attempt
  /** Name of the error class this attempt's outcome maps to, e.g. 'ServerError', 'TimeoutError'. */
  error?: string;
  /** Set when another attempt follows, after this many milliseconds. */
  retryInMs?: number;
  requestId?: string;
}

export interface Hooks {
  onAttempt?(event: AttemptEvent): void;
}

/** The client's `logger`, `logLevel` and `hooks`, and its name (`label`) for log lines. */
type ReporterOptions = Pick<SharedClientOptions, 'logger' | 'logLevel' | 'hooks'> & { label: string };

export function createReporter(options: ReporterOptions) {
  const level: LogLevel = options.logLevel ?? (options.logger ? 'debug' : 'silent');
  const logger = level === 'silent' ? undefined : (options.logger ?? consoleLogger(level));
  const logDebug = logger !== undefined && levelEnabled(level, 'debug');
  const logWarn = logger !== undefined && levelEnabled(level, 'warn');
  const onAttempt = options.hooks?.onAttempt;

  function report(event: AttemptEvent, headers: Headers): void {
    const head = `${options.label} ${event.operation} attempt ${event.attempt}`;
    if (logDebug)
      logger?.debug(`${head}: ${event.status ?? event.error}`, { ...event, headers: redactHeaders(headers) });
    if (logWarn && event.retryInMs !== undefined) {
      logger?.warn(`${head} failed; retrying in ${event.retryInMs} ms`, { ...event });
    }
    if (onAttempt) {
      try {
        onAttempt(event);
      } catch (error) {
        // A broken hook must not break the call it observes.
        if (logWarn) logger?.warn(`onAttempt hook threw: ${(error as Error)?.message ?? String(error)}`);
      }
    }
  }

  // Nobody listening: the transport then skips timing, URL redaction and event objects.
  return { observed: onAttempt !== undefined || logDebug || logWarn, report };
}
