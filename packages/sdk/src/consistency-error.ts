import { CommerceCollectionsError } from '@commerce-collections/runtime';
import { type Provider, providerName } from './provider-name';

/**
 * The data set kept changing while it was being listed: HighLevel's page overlap or Shoplazza's boundary probe
 * (or `total`) showed a shift again after MAX_RESTARTS re-reads, or a shift larger than the ids the listing
 * remembers (a re-read met none of them).
 * Carries `progress` (see getListProgress). Shoplazza sends no total: both totals are -1 there.
 */
export class ConsistencyError extends CommerceCollectionsError {
  readonly expectedTotal: number;
  readonly actualTotal: number;
  constructor(details: {
    /** Default 'highlevel'. */
    provider?: Provider;
    expectedTotal: number;
    actualTotal: number;
    restarts: number;
    requestId?: string;
    /** What gave the change away, when `total` did not (e.g. a short page). */
    detail?: string;
  }) {
    const what = details.detail ?? `total ${details.expectedTotal} → ${details.actualTotal}`;
    super(
      {
        provider: details.provider ?? 'highlevel',
        label: providerName(details.provider ?? 'highlevel'),
        operation: 'list',
        requestId: details.requestId,
        attempts: 0,
      },
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
