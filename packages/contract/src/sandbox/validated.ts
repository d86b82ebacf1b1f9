import { startPrismProxy } from '../prism/proxy';
import { type SandboxByApi, type SandboxOptionsByApi, startSandbox } from './start';
import type { ApiName } from './types';

export interface ValidatedSandbox<Api extends ApiName> {
  /** The Prism proxy's URL: send requests here. */
  url: string;
  /** The sandbox itself, bypassing validation. */
  sandboxUrl: string;
  sandbox: SandboxByApi[Api];
  close(): Promise<void>;
}

/**
 * A sandbox behind a Prism proxy with `errors` on: every exchange is validated against the bundled spec.
 * An invalid request is refused by Prism (422/401) and never reaches the sandbox; a response that breaks
 * the spec arrives as a 500 problem+json listing the violations.
 */
export async function startValidatedSandbox<Api extends ApiName>(
  provider: Api,
  options: NoInfer<SandboxOptionsByApi[Api]> = {},
): Promise<ValidatedSandbox<Api>> {
  const sandbox = await startSandbox(provider, options);
  try {
    const proxy = await startPrismProxy({ api: provider, upstream: sandbox.url, errors: true });
    return {
      url: proxy.url,
      sandboxUrl: sandbox.url,
      sandbox,
      close: async () => {
        await proxy.close();
        await sandbox.close();
      },
    };
  } catch (error) {
    await sandbox.close();
    throw error;
  }
}
