export type {
  HighLevelClient,
  HighLevelClientOptions,
  HighLevelCollection,
} from '@commerce-collections/highlevel';
export type { AttemptEvent, Hooks, Logger, LogLevel, RetryOptions } from '@commerce-collections/runtime';
// The error classes are defined in the runtime and exported by every package a user installs directly.
export * from '@commerce-collections/runtime/errors';
export type {
  ShoplazzaApiVersion,
  ShoplazzaClient,
  ShoplazzaClientOptions,
  ShoplazzaCollection,
} from '@commerce-collections/shoplazza';
// Each provider's query and cursor types, from its adapter module.
export type * from './adapters/public-types';
export type { CollectionsClientOptions, SharedClientOptions } from './client-options';
export type { Collection, CollectionOf, CollectionSeo, RawCollections } from './collection';
export { ConsistencyError } from './consistency-error';
export { type CollectionsClient, createCollectionsClient } from './create-collections-client';
export type { PageCursor } from './cursor';
export type { CollectionsPage, CollectionsPageOf } from './page';
export { PageSizeError } from './page-size-error';
export { getListProgress, hasListProgress, type ListProgress } from './progress';
export type { AllProvidersQuery, CommonQuery, ListOptions, ListQuery, PageOptions, PageQuery } from './query';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './resolve-query';
