export type { HighLevelCursor, HighLevelQuery } from './highlevel';
export type { ProviderName } from './registry';
export type { Shoplazza2025Cursor, ShoplazzaCursor, ShoplazzaOnlyFilters, ShoplazzaQuery } from './shoplazza';
