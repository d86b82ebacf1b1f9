import type { ProviderClient, ShapeProblem } from '@commerce-collections/runtime/internal';
import type { ShoplazzaApiVersion } from './constants';
import { validateShoplazza2025Query, validateShoplazzaQuery } from './query-rules';
import type { ShoplazzaClient, ShoplazzaPaths, ShoplazzaVersions } from './types';
import { checkPage, checkPage2025, type ValidPages } from './validate-page';

type WireQuery<V extends ShoplazzaApiVersion> = NonNullable<
  ShoplazzaPaths[`/openapi/${V}/collections`]['get']['parameters']['query']
>;

/** What listCollections does on one API version: its wire query, request, body check and page. */
interface VersionCall<V extends ShoplazzaApiVersion> {
  /** Validates before any request; the spec's parameter order (openapi-fetch leaves out what is undefined). */
  query(params: ShoplazzaVersions[V]['params'] | undefined): WireQuery<V>;
  /** The transport reads the body, so openapi-fetch must not: parseAs 'stream' hands it over untouched. */
  request(query: WireQuery<V>): Parameters<ProviderClient<ShoplazzaPaths>['getPage']>[3];
  check(body: unknown): ShapeProblem | undefined;
  toPage(body: ValidPages[V], requestId: string | undefined): ShoplazzaVersions[V]['page'];
}

/** The validated params in the spec's order (the rules'), `ids` joined in place (a spread keeps its position). */
const wireQuery = <Q extends { ids?: string[] }>(valid: Q) => ({ ...valid, ids: valid.ids?.join(',') });

const VERSIONS: { [V in ShoplazzaApiVersion]: VersionCall<V> } = {
  '2022-01': {
    query: (params) => wireQuery(params === undefined ? {} : validateShoplazzaQuery(params)),
    request: (query) => (typed, fetch) =>
      typed.GET('/openapi/2022-01/collections', { params: { query }, fetch, parseAs: 'stream' }),
    check: checkPage,
    toPage: ({ collections }, requestId) => ({ collections, requestId }),
  },
  '2025-06': {
    query: (params) => wireQuery(params === undefined ? {} : validateShoplazza2025Query(params)),
    request: (query) => (typed, fetch) =>
      typed.GET('/openapi/2025-06/collections', { params: { query }, fetch, parseAs: 'stream' }),
    check: checkPage2025,
    // A cursor sent with has_more false leads nowhere: it is not handed on.
    toPage: ({ data: { collections, cursor, has_more } }, requestId) => ({
      collections,
      cursor: has_more ? (cursor as string) : undefined,
      hasMore: has_more,
      requestId,
    }),
  },
};

/** `listCollections` on one API version; every version shares the transport, auth and typed errors. */
export function listCollectionsOn<V extends ShoplazzaApiVersion>(
  client: ProviderClient<ShoplazzaPaths>,
  version: V,
): ShoplazzaClient<V>['listCollections'] {
  const { query, request, check, toPage }: VersionCall<V> = VERSIONS[version];
  return async (params, options) => {
    const run = request(query(params));
    const { page, requestId } = await client.getPage<ValidPages[V]>('listCollections', options, check, run);
    return toPage(page, requestId);
  };
}
