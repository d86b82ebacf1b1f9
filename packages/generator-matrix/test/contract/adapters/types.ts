/** What one call through a generated client returned: the HTTP status and the parsed body (data or error). */
export interface Outcome {
  status: number;
  body: unknown;
}

export interface HighLevelCall {
  baseUrl: string;
  token: string;
  query: {
    altId: string;
    altType: 'location';
    limit?: number;
    offset?: number;
    collectionIds?: string;
    name?: string;
  };
}

export interface ShoplazzaCall {
  baseUrl: string;
  token: string;
  query: {
    ids?: string;
    title?: string;
    updated_at_min?: string;
    updated_at_max?: string;
    product_id?: string;
    page?: number;
    limit?: number;
  };
}

/** Shoplazza API version 2025-06 (`listCollections202506`): cursor/page_size paging, the same filters. */
export interface Shoplazza202506Call {
  baseUrl: string;
  token: string;
  query: {
    cursor?: string;
    page_size?: number;
    ids?: string;
    title?: string;
    updated_at_min?: string;
    updated_at_max?: string;
    product_id?: string;
  };
}

export type HighLevelCell = 'collectionIds' | 'name' | 'Version' | 'Authorization' | 'baseUrl';
export type ShoplazzaCell = 'ids' | 'title' | 'access-token' | 'Content-Type' | 'baseUrl';
export type Shoplazza202506Cell = 'cursor' | 'page_size' | ShoplazzaCell;

export interface ApiAdapter<Call, Cell extends string> {
  list(call: Call): Promise<Outcome>;
  /**
   * The configuration this client needed for a cell of the matrix, beyond calling the generated operation with
   * the documented parameters; a cell not listed needed none. The test proves the wire with exactly this setup.
   */
  recipe: Partial<Record<Cell, string>>;
  /** Runtime validation the generator emits (zod schemas): true when the body parses for that status. */
  parses?(status: number, body: unknown): boolean;
}

export interface GeneratorAdapter {
  /** The npm package(s), as shown in the matrix. */
  generator: string;
  /** The package whose version is reported. */
  versionOf: string;
  /** Directory under generated/. */
  dir: string;
  highlevel: ApiAdapter<HighLevelCall, HighLevelCell>;
  shoplazza: ApiAdapter<ShoplazzaCall, ShoplazzaCell>;
  shoplazza202506: ApiAdapter<Shoplazza202506Call, Shoplazza202506Cell>;
}
