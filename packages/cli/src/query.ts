import type { ListQuery } from '@commerce-collections/sdk';
import type { ListArgs } from './args';

/** The SDK query for the parsed flags; only flags that were given are set. */
export function toQuery(args: ListArgs): ListQuery {
  const common = {
    ...(args.pageSize !== undefined && { pageSize: args.pageSize }),
    ...(args.ids && { ids: args.ids }),
    ...(args.search !== undefined && { search: args.search }),
  };
  if (args.provider !== 'shoplazza') return { provider: args.provider, ...common };
  return {
    provider: 'shoplazza',
    ...common,
    ...(args.updatedAfter && { updatedAfter: args.updatedAfter }),
    ...(args.updatedBefore && { updatedBefore: args.updatedBefore }),
    ...(args.productId !== undefined && { productId: args.productId }),
  };
}
