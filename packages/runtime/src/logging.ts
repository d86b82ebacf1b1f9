export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export function levelEnabled(threshold: LogLevel, level: Exclude<LogLevel, 'silent'>): boolean {
  return RANK[level] >= RANK[threshold];
}

/** A Logger that writes to `console`, dropping messages below `level` (default 'info'). */
export function consoleLogger(level: LogLevel = 'info'): Logger {
  const bind = (name: Exclude<LogLevel, 'silent'>) =>
    levelEnabled(level, name)
      ? (msg: string, fields?: Record<string, unknown>) =>
          fields === undefined ? console[name](msg) : console[name](msg, fields)
      : () => {};
  return { debug: bind('debug'), info: bind('info'), warn: bind('warn'), error: bind('error') };
}
