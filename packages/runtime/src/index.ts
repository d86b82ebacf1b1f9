// What consumers use: the error classes and the option, hook and logger types. What workspace packages share
// (transport, limiters, validators, body readers) is exported from ./internal, the `/internal` subpath.
export type { AttemptEvent, Hooks } from './attempt-report';
export type { SharedClientOptions, TokenContext, TokenSource } from './client-options';
export type { ErrorDetails } from './errors';
export * from './errors-entry';
export { consoleLogger, type Logger, type LogLevel } from './internal';
export type { RequestOptions } from './request-options';
export type { RetryOptions } from './retry';
