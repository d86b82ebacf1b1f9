import type { RequestOptions, StrictClient } from '@commerce-collections/runtime/internal';
import type { components, paths } from './generated/openapi';

export type { components as HighLevelComponents, paths as HighLevelPaths } from './generated/openapi';
export type { RequestOptions };

// The package's public types: index.ts exports every one.

/** Per-call options of `listCollections` (and the facade's calls). */
export interface HighLevelListCollectionsParams {
  /** Page size, an integer ≥ 1 (no maximum is documented). Not sent when absent: the server's default is 10. */
  limit?: number;
  /** Index of the first item (not a page number), an integer ≥ 0. Not sent when absent (server default 0). */
  offset?: number;
  /** Only these collections; sent as one comma-separated value `collectionIds=a,b`. */
  collectionIds?: string[];
  /** Search by name: 1–255 characters, no control characters. */
  name?: string;
}

export type HighLevelCollection = components['schemas']['Collection'];

export interface HighLevelCollectionsPage {
  data: HighLevelCollection[];
  /** Count of all matching collections (independent of limit and offset). */
  total: number;
  /** The `x-request-id` response header when the server sends one (HighLevel documents none). */
  requestId: string | undefined;
}

/** Any documented HighLevel error body (`ApiError.body` for a JSON error response). */
export type HighLevelErrorBody =
  | components['schemas']['BadRequestError']
  | components['schemas']['UnauthorizedError']
  | components['schemas']['UnprocessableEntityError']
  | components['schemas']['TooManyRequestsError']
  | components['schemas']['ServerError'];

/** An operation whose `Version` header becomes optional: the client always sends it. */
type WithOptionalVersion<Operation> = Operation extends { parameters: { header: infer Header } }
  ? Omit<Operation, 'parameters'> & {
      parameters: Omit<Operation['parameters'], 'header'> & {
        header?: Omit<Header, 'Version'> & Partial<Pick<Header, 'Version' & keyof Header>>;
      };
    }
  : Operation;

/** The generated `paths` with the `Version` header optional on every operation: `raw` sends the pinned one. */
export type HighLevelRawPaths = {
  [Path in keyof paths]: { [Method in keyof paths[Path]]: WithOptionalVersion<paths[Path][Method]> };
};

/** The type of `HighLevelClient.raw`: openapi-fetch's client whose `GET` refuses unknown query parameters. */
export type HighLevelRawClient = StrictClient<HighLevelRawPaths>;

export interface HighLevelClient {
  readonly provider: 'highlevel';
  readonly locationId: string;
  /** The API origin (and base path) requests go to, without a trailing slash. */
  readonly baseUrl: string;
  /**
   * The typed openapi-fetch client with auth, headers, retries, timeouts and the rate limit; it never throws for
   * HTTP statuses. Pass `altId`/`altType` yourself.
   */
  readonly raw: HighLevelRawClient;
  /** One page of collections of the client's location. Throws typed errors (ValidationError before any request). */
  listCollections(
    params?: HighLevelListCollectionsParams,
    options?: RequestOptions,
  ): Promise<HighLevelCollectionsPage>;
}
