/**
 * Where a page starts. Opaque to callers: keep it, serialise it (it is plain JSON), pass it back as
 * `listPage({ cursor })` or `list(query, { resumeFrom })`, but do not build or edit one.
 *
 * It is a union keyed by `provider` on purpose: Shoplazza's newer API version (2025-06) pages with an opaque
 * `cursor`/`page_size`/`has_more` instead of `page`/`limit`. Supporting it means adding a variant such as
 * `{ provider: 'shoplazza', token: string }` here; `PageCursor`, `nextCursor` and `resumeFrom` keep their shape.
 */
export type PageCursor = HighLevelCursor | ShoplazzaCursor;

/** HighLevel pages by item index. */
export interface HighLevelCursor {
  provider: 'highlevel';
  offset: number;
}

/** Shoplazza pages by page number, which only means something together with the page size. */
export interface ShoplazzaCursor {
  provider: 'shoplazza';
  page: number;
  pageSize: number;
}
