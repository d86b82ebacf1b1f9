import type { IncomingMessage } from 'node:http';
import type { RequestLogEntry } from './types';

/** The sandbox's record of what arrived, in order, with secret header values replaced. */
export interface RequestLog {
  /** The same array for the sandbox's whole life: `RunningSandbox.requestLog` hands it out. */
  readonly entries: RequestLogEntry[];
  /** Logs an arriving request under the next index; its status is filled in once it is known. */
  record(incoming: IncomingMessage): RequestLogEntry;
  /** Empties the log and restarts the index at 0. */
  clear(): void;
}

function redactHeaders(
  headers: IncomingMessage['headers'],
  secrets: readonly string[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name] = secrets.includes(name) ? '[redacted]' : Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** A request log whose entries never hold the values of `secretHeaders`. */
export function createRequestLog(secretHeaders: readonly string[]): RequestLog {
  const entries: RequestLogEntry[] = [];
  let requestCounter = 0;
  return {
    entries,
    record(incoming) {
      const entry: RequestLogEntry = {
        requestIndex: requestCounter++,
        method: incoming.method ?? 'GET',
        url: incoming.url ?? '/',
        headers: redactHeaders(incoming.headers, secretHeaders),
        status: undefined,
      };
      entries.push(entry);
      return entry;
    },
    clear() {
      entries.length = 0;
      requestCounter = 0;
    },
  };
}
