import { brand, CommerceCollectionsError } from '@commerce-collections/runtime/internal';
import { adapterOf, type ProviderName } from './adapters/registry';

/**
 * The collections kept changing while they were listed: a shift after the re-reads allowed, or one larger than the
 * listing remembers. Carries `progress` (getListProgress). Without a total (page-number, cursor), both totals are -1.
 */
export class ConsistencyError extends CommerceCollectionsError {
  declare readonly expectedTotal: number;
  declare readonly actualTotal: number;
  constructor(details: {
    provider: ProviderName;
    expectedTotal: number;
    actualTotal: number;
    restarts: number;
    requestId?: string;
    /** What gave the change away, when `total` did not (e.g. a short page). */
    detail?: string;
  }) {
    const { provider, requestId } = details;
    const what = details.detail ?? `total ${details.expectedTotal} → ${details.actualTotal}`;
    const message = `the collections changed while listing (${what}) after ${details.restarts} re-reads`;
    super({ provider, label: adapterOf(provider).label, operation: 'list', requestId }, message);
    this.expectedTotal = details.expectedTotal;
    this.actualTotal = details.actualTotal;
  }
}
brand(ConsistencyError, 'ConsistencyError');
