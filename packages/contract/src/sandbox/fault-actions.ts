import { setTimeout as sleep } from 'node:timers/promises';
import type { SandboxDataset } from './dataset';
import type { FaultAction, ResetConnectionFault, RespondFault } from './types';

/** How the fault actions of one request shape its answer, once their delays and dataset changes are done. */
export interface FaultOutcome {
  /** An answer to send instead of the provider's. */
  override: RespondFault | undefined;
  reset: ResetConnectionFault['resetConnection'] | undefined;
  truncate: boolean;
}

export function toFaultList<Item>(
  actions: FaultAction<Item> | readonly FaultAction<Item>[] | undefined,
): readonly FaultAction<Item>[] {
  if (actions === undefined) return [];
  return Array.isArray(actions) ? actions : [actions as FaultAction<Item>];
}

/** Runs the actions in order: delays and dataset changes now, the response-shaping ones collected. */
export async function runFaultActions<Item>(
  actions: readonly FaultAction<Item>[],
  dataset: SandboxDataset<Item>,
): Promise<FaultOutcome> {
  const outcome: FaultOutcome = { override: undefined, reset: undefined, truncate: false };
  for (const action of actions) {
    if ('delayMs' in action) await sleep(action.delayMs);
    else if ('insert' in action) dataset.insert(action.insert as Item | readonly Item[], action.index);
    else if ('remove' in action) dataset.remove(action.remove);
    else if ('status' in action) outcome.override = action;
    else if ('resetConnection' in action) outcome.reset = action.resetConnection;
    else if ('truncateBody' in action) outcome.truncate = true;
  }
  return outcome;
}
