import { CommerceCollectionsError } from '@commerce-collections/runtime';

/**
 * HighLevel's data set kept changing while it was being listed: `total` changed between pages (or a page came
 * back shorter than `total` implied) again after the listing had already re-read from its start MAX_RESTARTS
 * times. Carries `progress` (see getListProgress).
 */
export class ConsistencyError extends CommerceCollectionsError {
  readonly expectedTotal: number;
  readonly actualTotal: number;
  constructor(details: {
    expectedTotal: number;
    actualTotal: number;
    restarts: number;
    requestId?: string;
    /** What gave the change away, when `total` did not (e.g. a short page). */
    detail?: string;
  }) {
    const what = details.detail ?? `total ${details.expectedTotal} → ${details.actualTotal}`;
    super(
      { provider: 'highlevel', operation: 'list', requestId: details.requestId, attempts: 0 },
      `the collections changed while listing (${what}) after ${details.restarts} re-reads`,
    );
    this.expectedTotal = details.expectedTotal;
    this.actualTotal = details.actualTotal;
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), expectedTotal: this.expectedTotal, actualTotal: this.actualTotal };
  }
}
Object.defineProperty(ConsistencyError.prototype, 'name', {
  value: 'ConsistencyError',
  writable: true,
  configurable: true,
});
