export type { AttemptEvent, Hooks, Logger, LogLevel, RetryOptions } from '@commerce-collections/runtime';
export * from '@commerce-collections/runtime/errors';
export type { TokenContext, TokenSource } from '@commerce-collections/runtime/internal';
export { API_VERSION as HIGHLEVEL_API_VERSION } from './constants';
export { createHighLevelClient } from './create-client';
export type { HighLevelClientOptions } from './options';
export { type HighLevelQueryValidation, validateHighLevelQuery } from './query-rules';
export type * from './types';
