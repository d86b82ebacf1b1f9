export type { SharedClientOptions, TokenContext, TokenSource } from './client-options';
export {
  AbortedError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  CommerceCollectionsError,
  ConnectionError,
  createApiError,
  type ErrorDetails,
  InvalidResponseError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RedirectError,
  ServerError,
  TimeoutError,
  UnprocessableEntityError,
  ValidationError,
} from './errors';
export { defaultExtractMessages } from './extract-messages';
export { consoleLogger, type Logger, type LogLevel } from './logging';
export { LazyRequest, PendingRequest } from './pending-request';
export type { Provider } from './provider';
export { createLeakyBucketLimiter, type LeakyBucketOptions } from './rate-limit/leaky-bucket';
export { createSlidingWindowLimiter, type SlidingWindowOptions } from './rate-limit/sliding-window';
export type { RateLimiter } from './rate-limit/types';
export { DEFAULT_MAX_BODY_BYTES } from './read-body';
export { type ReadCheckedJsonOptions, readCheckedJson, type ShapeProblem } from './read-checked-json';
export { isJsonContentType, type ReadJsonOptions, readJsonBody } from './read-json';
export { redactHeaders, redactUrl } from './redact';
export { type RequestOptions, toCallOptions } from './request-options';
export { attemptsOf } from './response-context';
export { parseRetryAfter, type RetryOptions } from './retry';
export type { StrictClient, StrictGet } from './strict-client';
export { DEFAULT_TIMEOUT_MS } from './timeout';
export {
  type AttemptEvent,
  type CallOptions,
  createTransport,
  type Hooks,
  type Transport,
  type TransportOptions,
} from './transport';
export {
  type ValidationContext,
  validateBaseUrl,
  validateDateTime,
  validateIdList,
  validateInteger,
  validateSearchText,
  validateToken,
} from './validation';
