import { brand, CommerceCollectionsError } from '@commerce-collections/runtime/internal';
import { adapterOf, type ProviderName } from './adapters/registry';

/**
 * The data set kept changing while it was being listed: an offset-style page overlap, a page-number boundary
 * probe (or `total`) showed a shift again after MAX_RESTARTS re-reads, or a shift larger than the ids the listing
 * remembers (a re-read met none of them).
 * Carries `progress` (see getListProgress). Providers that send no total (Shoplazza): both totals are -1.
 */
export class ConsistencyError extends CommerceCollectionsError {
  readonly expectedTotal: number;
  readonly actualTotal: number;
  constructor(details: {
    provider: ProviderName;
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
        provider: details.provider,
        label: adapterOf(details.provider).label,
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
brand(ConsistencyError, 'ConsistencyError');
