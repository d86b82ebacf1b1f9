export { type CoverageTracker, createCoverageTracker, type UncoveredResponse } from './prism/coverage';
export { type DeclaredResponse, listDeclaredResponses } from './prism/declared-responses';
export {
  type ContractGlobalSetupOptions,
  type ContractProvidedContext,
  createContractGlobalSetup,
  type ProvidingProject,
} from './prism/global-setup';
export { type PrismMockOptions, startPrismMock } from './prism/mock';
export type { RunningPrism } from './prism/prism-server';
export { type PrismProxyOptions, startPrismProxy } from './prism/proxy';
export { declaredExample, type Exchange, recordingFetch } from './prism/recording-fetch';
export { apiNames, readSpecDocument, resolveSpecPath } from './prism/spec-source';
export { type PrismViolation, parseProblemViolations, parseViolations } from './prism/violations';
export { SandboxDataset } from './sandbox/dataset';
export { composeFaults, onRequest } from './sandbox/faults';
export {
  type HighLevelSandbox,
  type HighLevelSandboxOptions,
  highLevelDefaultLocationId,
  highLevelDefaultRateLimit,
  highLevelErrorBodies,
  highLevelPath,
  highLevelVersion,
  startHighLevelSandbox,
} from './sandbox/highlevel';
export {
  createHighLevelDataset,
  generateHighLevelCollections,
  type HighLevelCollection,
  type HighLevelDataset,
} from './sandbox/highlevel-data';
export { type SandboxProcess, startSandboxProcess } from './sandbox/process';
export { createSeededRandom, type SeededRandom } from './sandbox/random';
export {
  collectWarnings,
  type RetryAfterForm,
  type RetryAfterOnce,
  requestedDelayMs,
  retryAfterForms,
  retryAfterOnce,
  TIMER_SLACK_MS,
} from './sandbox/retry-after-faults';
export {
  parseShoplazzaTime,
  type ShoplazzaSandbox,
  type ShoplazzaSandboxOptions,
  shoplazza202506Path,
  shoplazzaDefaultRateLimit,
  shoplazzaErrorBodies,
  shoplazzaPath,
  startShoplazzaSandbox,
} from './sandbox/shoplazza';
export type { ShoplazzaCursorMode } from './sandbox/shoplazza-cursor';
export {
  createShoplazzaDataset,
  formatShoplazzaTime,
  generateShoplazzaRecords,
  type ShoplazzaCollection,
  type ShoplazzaCollectionRecord,
  ShoplazzaDataset,
} from './sandbox/shoplazza-data';
export { type SandboxByApi, type SandboxOptionsByApi, startSandbox } from './sandbox/start';
export type {
  ApiName,
  DelayFault,
  FaultAction,
  FaultContext,
  FaultHook,
  InsertFault,
  RateLimitOptions,
  RemoveFault,
  RequestLogEntry,
  ResetConnectionFault,
  RespondFault,
  RunningSandbox,
  SandboxMode,
  SandboxOptionsBase,
  TruncateBodyFault,
} from './sandbox/types';
export { startValidatedSandbox, type ValidatedSandbox } from './sandbox/validated';
export {
  applyBaseline,
  type BaselineEntry,
  type BaselineOutcome,
  loadBaseline,
} from './verify/baseline';
export { buildDocumentedRequests, type DocumentedRequest } from './verify/documented-requests';
export type { Finding } from './verify/findings';
export { runVerify, type VerifyExchange, type VerifyOptions, type VerifyResult } from './verify/run-verify';
