import { assertApiName } from '../prism/spec-source';
import { type HighLevelSandbox, type HighLevelSandboxOptions, startHighLevelSandbox } from './highlevel';
import { type ShoplazzaSandbox, type ShoplazzaSandboxOptions, startShoplazzaSandbox } from './shoplazza';
import type { ApiName } from './types';

/** Options per provider, so `startSandbox('shoplazza', { shop })` type-checks and `{ shop }` on HighLevel does not. */
export interface SandboxOptionsByApi {
  highlevel: HighLevelSandboxOptions;
  shoplazza: ShoplazzaSandboxOptions;
}
export interface SandboxByApi {
  highlevel: HighLevelSandbox;
  shoplazza: ShoplazzaSandbox;
}

/** Starts either sandbox by provider name. */
export async function startSandbox<Api extends ApiName>(
  provider: Api,
  options: NoInfer<SandboxOptionsByApi[Api]> = {},
): Promise<SandboxByApi[Api]> {
  assertApiName(provider, 'provider');
  const started =
    provider === 'highlevel'
      ? await startHighLevelSandbox(options as HighLevelSandboxOptions)
      : await startShoplazzaSandbox(options as ShoplazzaSandboxOptions);
  return started as SandboxByApi[Api];
}
