export type {
  HighLevelClient,
  HighLevelClientOptions,
  HighLevelCollection,
  HighLevelCollectionsPage,
} from '@commerce-collections/highlevel';
export type {
  AttemptEvent,
  Hooks,
  Logger,
  LogLevel,
  RetryOptions,
} from '@commerce-collections/runtime';
export {
  AbortedError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  CommerceCollectionsError,
  ConnectionError,
  InvalidResponseError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RedirectError,
  ServerError,
  TimeoutError,
  UnprocessableEntityError,
  ValidationError,
} from '@commerce-collections/runtime';
export type {
  ShoplazzaClient,
  ShoplazzaClientOptions,
  ShoplazzaCollection,
  ShoplazzaCollectionsPage,
} from '@commerce-collections/shoplazza';
export {
  type CollectionsClientOptions,
  DEFAULT_CONCURRENCY,
  MAX_CONCURRENCY,
  type SharedClientOptions,
} from './client-options';
export type { Collection, CollectionOf, CollectionSeo, RawCollections } from './collection';
export { ConsistencyError } from './consistency-error';
export { type CollectionsClient, createCollectionsClient } from './create-collections-client';
export type { HighLevelCursor, PageCursor, ShoplazzaCursor } from './cursor';
export { MAX_RESTARTS } from './highlevel-pages';
export { mapHighLevelCollection } from './map-highlevel';
export { mapShoplazzaCollection } from './map-shoplazza';
export type { CollectionsPage, CollectionsPageOf } from './page';
export { PageSizeError } from './page-size-error';
export { attachProgress, getListProgress, hasListProgress, type ListProgress } from './progress';
export type { Provider } from './provider-name';
export type {
  AllProvidersQuery,
  CommonQuery,
  HighLevelQuery,
  ListOptions,
  ListQuery,
  PageOptions,
  PageQuery,
  ShoplazzaOnlyFilters,
  ShoplazzaQuery,
} from './query';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './resolve-query';
