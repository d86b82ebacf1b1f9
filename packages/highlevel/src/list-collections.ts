import { readCheckedJson, type Transport } from '@commerce-collections/runtime/internal';
import type { Client } from 'openapi-fetch';
import { COLLECTIONS_PATH, LABEL, PROVIDER } from './constants';
import { buildQuery } from './query-rules';
import type {
  HighLevelCollectionsPage,
  HighLevelListCollectionsParams,
  HighLevelRawPaths,
  RequestOptions,
} from './types';
import { checkPage, type ValidPage } from './validate-page';

const OPERATION = 'listCollections';

export interface ListCollectionsContext {
  client: () => Client<HighLevelRawPaths>;
  transport: Transport;
  locationId: string;
}

export async function listCollections(
  context: ListCollectionsContext,
  params: HighLevelListCollectionsParams | undefined,
  options: RequestOptions | undefined,
): Promise<HighLevelCollectionsPage> {
  const query = buildQuery(context.locationId, params);
  // The transport reads a 2xx body (capped) inside its retry loop and throws a typed error for any other
  // status, so openapi-fetch never reads a body: parseAs 'stream' hands it over untouched.
  const delivery = await context.transport.request(OPERATION, options, (fetch) =>
    context.client().GET(COLLECTIONS_PATH, { params: { query }, fetch, parseAs: 'stream' }),
  );
  const { page, requestId } = await readCheckedJson<ValidPage>(delivery, {
    provider: PROVIDER,
    label: LABEL,
    operation: OPERATION,
    check: checkPage,
  });
  return { data: page.data, total: page.total, requestId };
}
