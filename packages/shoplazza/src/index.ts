export type { AttemptEvent, Hooks, Logger, LogLevel, RetryOptions } from '@commerce-collections/runtime';
export * from '@commerce-collections/runtime/errors';
export type { TokenContext, TokenSource } from '@commerce-collections/runtime/internal';
export type { ShoplazzaApiVersion } from './constants';
export { createShoplazzaClient } from './create-client';
export type { ShoplazzaClientOptions } from './options';
export {
  type Shoplazza2025QueryValidation,
  type ShoplazzaQueryValidation,
  type ValidShoplazza2025Params,
  type ValidShoplazzaParams,
  validateShoplazza2025Query,
  validateShoplazzaQuery,
} from './query-rules';
export type * from './types';
