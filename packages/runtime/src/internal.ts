// For the workspace's own packages (clients, facade, CLI), not a public API: names here may change in any
// release. Consumers import from the package root. The root and `/errors` re-export from here (tsdown.config.ts).

export type { AttemptEvent, Hooks } from './attempt-report';
export {
  isRecord,
  type ParamRule,
  type QueryWording,
  readParams,
  resolveBaseUrl,
  validateClientOptions,
} from './client-checks';
export type { SharedClientOptions, TokenContext, TokenSource } from './client-options';
export { collectMessages } from './collect-messages';
export * from './errors';
export { consoleLogger, type Logger, type LogLevel } from './logging';
export { createProviderClient, type ProviderClient, type ProviderClientSetup } from './provider-client';
export { createLeakyBucketLimiter, type LeakyBucketOptions } from './rate-limit/leaky-bucket';
export { createSlidingWindowLimiter, type SlidingWindowOptions } from './rate-limit/sliding-window';
export type { RateLimiter } from './rate-limit/types';
export { DEFAULT_MAX_BODY_BYTES, type ReadBodyContext } from './read-body';
export {
  type Delivery,
  isJsonContentType,
  type ReadCheckedJsonOptions,
  readCheckedJson,
  readJsonBody,
  type ShapeProblem,
} from './read-json';
export { redactHeaders, redactUrl } from './redact';
export type { RequestOptions } from './request-options';
export { parseRetryAfter, type RetryOptions } from './retry';
export type { StrictClient, StrictGet } from './strict-client';
export { DEFAULT_TIMEOUT_MS } from './timeout';
export {
  type CallOptions,
  createTransport,
  type RequestFetch,
  type Transport,
  type TransportOptions,
} from './transport';
export {
  fail,
  type ValidationContext,
  validateBaseUrl,
  validateDateTime,
  validateIdList,
  validateInteger,
  validateSearchText,
  validateToken,
} from './validation';
