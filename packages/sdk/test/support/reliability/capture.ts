import type { AttemptEvent, Logger } from '@commerce-collections/runtime';

export interface LogRecord {
  level: 'debug' | 'info' | 'warn' | 'error';
  msg: string;
  fields: Record<string, unknown> | undefined;
}

/** A Logger (use it with logLevel 'debug') that keeps every record, and the hook that keeps every attempt event. */
export function capture() {
  const logs: LogRecord[] = [];
  const events: AttemptEvent[] = [];
  const record =
    (level: LogRecord['level']) =>
    (msg: string, fields?: Record<string, unknown>): void => {
      logs.push({ level, msg, fields });
    };
  const logger: Logger = {
    debug: record('debug'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
  };
  return {
    logs,
    events,
    logger,
    hooks: { onAttempt: (event: AttemptEvent) => void events.push(event) },
    clear(): void {
      logs.length = 0;
      events.length = 0;
    },
  };
}

export type Capture = ReturnType<typeof capture>;
