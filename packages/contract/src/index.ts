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
export {
  parseShoplazzaTime,
  type ShoplazzaSandbox,
  type ShoplazzaSandboxOptions,
  shoplazzaDefaultRateLimit,
  shoplazzaErrorBodies,
  shoplazzaPath,
  startShoplazzaSandbox,
} from './sandbox/shoplazza';
export {
  createShoplazzaDataset,
  formatShoplazzaTime,
  generateShoplazzaRecords,
  type ShoplazzaCollection,
  type ShoplazzaCollectionRecord,
  ShoplazzaDataset,
} from './sandbox/shoplazza-data';
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
