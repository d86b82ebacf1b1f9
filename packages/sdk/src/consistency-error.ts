import { CommerceCollectionsError } from '@commerce-collections/runtime';

/**
 * HighLevel's data set kept changing while it was being listed: `total` changed between pages again after the
 * listing had already re-read from the start `maxRestarts` times. Carries `progress` (see getListProgress).
 */
export class ConsistencyError extends CommerceCollectionsError {
  readonly expectedTotal: number;
  readonly actualTotal: number;
  constructor(details: { expectedTotal: number; actualTotal: number; restarts: number; requestId?: string }) {
    super(
      { provider: 'highlevel', operation: 'list', requestId: details.requestId, attempts: 0 },
      `the collections changed while listing (total ${details.expectedTotal} → ${details.actualTotal}) after ${details.restarts} re-reads`,
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
