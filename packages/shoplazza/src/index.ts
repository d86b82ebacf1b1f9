export type { AttemptEvent, Hooks, Logger, LogLevel, RetryOptions } from '@commerce-collections/runtime';
export * from '@commerce-collections/runtime/errors';
export type { TokenContext, TokenSource } from '@commerce-collections/runtime/internal';
export type { ShoplazzaApiVersion } from './constants';
export { createShoplazzaClient } from './create-client';
export type { ShoplazzaClientOptions } from './options';
export {
  type ShoplazzaQueryValidation,
  type ValidShoplazzaParams,
  validateShoplazzaQuery,
} from './query-rules';
export {
  type Shoplazza2025QueryValidation,
  type ValidShoplazza2025Params,
  validateShoplazza2025Query,
} from './query-rules-2025';
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
  ShoplazzaVersions,
} from './types';
export type { Shoplazza2025CollectionsPage, Shoplazza2025ListCollectionsParams } from './types-2025';
