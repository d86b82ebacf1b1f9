export type { AttemptEvent, Hooks, Logger, LogLevel, RetryOptions } from '@commerce-collections/runtime';
export * from '@commerce-collections/runtime/errors';
export type { TokenContext, TokenSource } from '@commerce-collections/runtime/internal';
export { createShoplazzaClient } from './create-client';
export type { ShoplazzaClientOptions } from './options';
export {
  type ShoplazzaQueryValidation,
  type ValidShoplazzaParams,
  validateShoplazzaQuery,
} from './query-rules';
export type {
  RequestOptions,
  ShoplazzaClient,
  ShoplazzaCollection,
  ShoplazzaCollectionsPage,
  ShoplazzaComponents,
  ShoplazzaErrorBody,
  ShoplazzaListCollectionsParams,
  ShoplazzaPaths,
  ShoplazzaRawClient,
} from './types';
