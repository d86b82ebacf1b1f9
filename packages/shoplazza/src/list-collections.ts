import { readCheckedJson, type Transport, toCallOptions } from '@commerce-collections/runtime';
import type { Client } from 'openapi-fetch';
import { COLLECTIONS_PATH, PROVIDER, REQUEST_ID_HEADER } from './constants';
import { buildQuery } from './query-rules';
import type {
  RequestOptions,
  ShoplazzaCollectionsPage,
  ShoplazzaListCollectionsParams,
  ShoplazzaPaths,
} from './types';
import { checkPage, type ValidPage } from './validate-page';

const OPERATION = 'listCollections';

export interface ListCollectionsContext {
  client: Client<ShoplazzaPaths>;
  transport: Transport;
  maxBodyBytes: number | undefined;
}

export async function listCollections(
  context: ListCollectionsContext,
  params: ShoplazzaListCollectionsParams | undefined,
  options: RequestOptions | undefined,
): Promise<ShoplazzaCollectionsPage> {
  const query = buildQuery(params);
  const call = toCallOptions(PROVIDER, OPERATION, options);
  // throwHttpErrors: a non-2xx becomes a typed error inside the transport, so openapi-fetch never reads an error
  // body. parseAs 'stream': openapi-fetch hands a 2xx body over untouched, for readJsonBody's capped, strict read.
  const { response } = await context.client.GET(COLLECTIONS_PATH, {
    params: { query },
    fetch: context.transport.bind(call),
    parseAs: 'stream',
  });
  const { page, requestId } = await readCheckedJson<ValidPage>(response, {
    provider: PROVIDER,
    operation: OPERATION,
    maxBodyBytes: context.maxBodyBytes,
    requestIdHeader: REQUEST_ID_HEADER,
    check: checkPage,
  });
  return { collections: page.collections, requestId };
}
