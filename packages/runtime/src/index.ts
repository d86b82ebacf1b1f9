// What consumers use: the error classes and the option, hook and logger types. What workspace packages share
// (transport, limiters, validators, body readers) is exported from ./internal, the `/internal` subpath.
export * from './errors-entry';
export type {
  AttemptEvent,
  ErrorDetails,
  Hooks,
  RequestOptions,
  RetryOptions,
  SharedClientOptions,
  TokenContext,
  TokenSource,
} from './internal';
export { consoleLogger, type Logger, type LogLevel } from './internal';
