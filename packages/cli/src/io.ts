import type { Writable } from 'node:stream';

export type TerminalStream = Writable & { isTTY?: boolean; columns?: number };

/** Everything the CLI touches of its process, injected so the whole run is testable without one. */
export interface CliIo {
  stdout: TerminalStream;
  stderr: TerminalStream;
  env: Readonly<Record<string, string | undefined>>;
  /**
   * Aborted on Ctrl-C (SIGINT) or SIGTERM: no further requests, flush what was printed, exit 130 — or 143 when
   * the abort reason is `'SIGTERM'`.
   */
  interrupt?: AbortSignal;
}
