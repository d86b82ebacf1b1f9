import { providerLabel } from './labels';
import type { AttemptInfo } from './stats';

export interface AttemptLogEvent extends AttemptInfo {
  method: string;
  url: string;
  attempt: number;
  durationMs: number;
}

/** One --verbose line per HTTP attempt. The URL comes from the SDK with credentials already removed. */
export function attemptLine(event: AttemptLogEvent): string {
  const outcome = event.status === undefined ? (event.error ?? 'failed') : String(event.status);
  const waited =
    event.rateLimitWaitMs > 0 ? `, after ${Math.round(event.rateLimitWaitMs)} ms rate-limit wait` : '';
  const retry = event.retryInMs === undefined ? '' : `; retrying in ${Math.round(event.retryInMs)} ms`;
  return `${providerLabel[event.provider]} ${event.method} ${event.url} (attempt ${event.attempt}) → ${outcome} in ${Math.round(event.durationMs)} ms${waited}${retry}\n`;
}
