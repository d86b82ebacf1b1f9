import type { FaultAction, FaultContext, FaultHook } from './types';

/**
 * Runs several fault hooks on every request and concatenates their actions in order, so a fault suite
 * can combine e.g. "mutate the dataset on request 3" with "reset the connection on request 5".
 */
export function composeFaults<Dataset, Item>(
  ...hooks: readonly (FaultHook<Dataset, Item> | undefined)[]
): FaultHook<Dataset, Item> {
  return (context) => {
    const actions: FaultAction<Item>[] = [];
    for (const hook of hooks) {
      const result = hook?.(context);
      if (result === undefined) continue;
      if (Array.isArray(result)) actions.push(...(result as readonly FaultAction<Item>[]));
      else actions.push(result as FaultAction<Item>);
    }
    return actions.length > 0 ? actions : undefined;
  };
}

/**
 * A hook that applies `actions` only to the request with this 0-based index. It reads nothing but the
 * index, so it fits either sandbox's `faults` without type arguments.
 */
export function onRequest<Item = never>(
  requestIndex: number,
  actions: FaultAction<Item> | readonly FaultAction<Item>[],
): (
  context: Pick<FaultContext<unknown>, 'requestIndex'>,
) => FaultAction<NoInfer<Item>> | readonly FaultAction<NoInfer<Item>>[] | undefined {
  return (context) => (context.requestIndex === requestIndex ? actions : undefined);
}
