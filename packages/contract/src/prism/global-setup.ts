import type { HighLevelSandboxOptions } from '../sandbox/highlevel';
import type { ShoplazzaSandboxOptions } from '../sandbox/shoplazza';
import type { ApiName } from '../sandbox/types';
import { startValidatedSandbox } from '../sandbox/validated';
import { type PrismMockOptions, startPrismMock } from './mock';

/**
 * What `createContractGlobalSetup` provides to tests. Make `inject()` typed with:
 *
 * ```ts
 * import type { ContractProvidedContext } from '@commerce-collections/contract';
 * declare module 'vitest' {
 *   interface ProvidedContext extends ContractProvidedContext {}
 * }
 * ```
 * Only the keys for what you asked for are provided.
 */
export interface ContractProvidedContext {
  /** Prism mock of the HighLevel spec. */
  highlevelMockUrl: string;
  shoplazzaMockUrl: string;
  /** The HighLevel sandbox behind a validating Prism proxy (errors on): send requests here. */
  highlevelSandboxUrl: string;
  shoplazzaSandboxUrl: string;
  /** The HighLevel sandbox itself, without validation. */
  highlevelSandboxDirectUrl: string;
  shoplazzaSandboxDirectUrl: string;
}

export interface ContractGlobalSetupOptions {
  /** Prism mocks to start: an API name, or full mock options. */
  mocks?: readonly (ApiName | PrismMockOptions)[];
  /** Validated sandboxes to start, with their options (`{}` for the defaults). */
  sandboxes?: { highlevel?: HighLevelSandboxOptions; shoplazza?: ShoplazzaSandboxOptions };
}

/** The part of vitest's `TestProject` this helper uses (kept structural: no runtime dependency on vitest). */
export interface ProvidingProject {
  provide(key: string, value: unknown): void;
}

/**
 * A vitest `globalSetup` function: starts the mocks and sandboxes a suite needs once, provides their URLs
 * (see `ContractProvidedContext`), and stops them after the run.
 *
 * ```ts
 * // test/contract/global-setup.ts
 * export default createContractGlobalSetup({ mocks: ['highlevel'], sandboxes: { shoplazza: {} } });
 * ```
 */
export function createContractGlobalSetup(options: ContractGlobalSetupOptions) {
  return async function setup(project: ProvidingProject): Promise<() => Promise<void>> {
    const closers: (() => Promise<void>)[] = [];
    const teardown = async () => {
      await Promise.allSettled(closers.reverse().map((close) => close()));
    };
    const provide = <Key extends keyof ContractProvidedContext>(
      key: Key,
      value: ContractProvidedContext[Key],
    ) => project.provide(key, value);
    try {
      for (const mock of options.mocks ?? []) {
        const mockOptions: PrismMockOptions = typeof mock === 'string' ? { api: mock } : mock;
        const running = await startPrismMock(mockOptions);
        closers.push(running.close);
        provide(`${mockOptions.api}MockUrl`, running.url);
      }
      for (const api of ['highlevel', 'shoplazza'] as const) {
        const sandboxOptions = options.sandboxes?.[api];
        if (sandboxOptions === undefined) continue;
        const running = await startValidatedSandbox(api, sandboxOptions);
        closers.push(running.close);
        provide(`${api}SandboxUrl`, running.url);
        provide(`${api}SandboxDirectUrl`, running.sandboxUrl);
      }
    } catch (error) {
      await teardown();
      throw error;
    }
    return teardown;
  };
}
