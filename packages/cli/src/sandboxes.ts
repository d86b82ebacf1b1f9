import type { ProviderName } from './plan';
import { sandboxSizes } from './sandbox-sizes';
import { UsageError } from './usage-error';

export interface SandboxEndpoints {
  highlevel?: { baseUrl: string; token: string; locationId: string };
  shoplazza?: { baseUrl: string; token: string; shop: string };
  close(): Promise<void>;
}

/**
 * Stand-ins for the sandboxes, for checking a query before any is started (starting them takes seconds): a client
 * pointed here validates like the real one, and nothing is ever sent (port 9 is discard; only `list()` is called,
 * never iterated).
 */
export function placeholderEndpoints(providers: readonly ProviderName[]): SandboxEndpoints {
  const baseUrl = 'http://127.0.0.1:9';
  return {
    ...(providers.includes('highlevel') && {
      highlevel: { baseUrl, token: 'placeholder', locationId: 'placeholder' },
    }),
    ...(providers.includes('shoplazza') && {
      shoplazza: { baseUrl, token: 'placeholder', shop: 'placeholder' },
    }),
    close: async () => {},
  };
}

/** Same seed every run: the demo shows the same collections each time. */
const seed = 'commerce-collections-cli';

/** The package that holds the sandboxes and Prism: an optional peer dependency, installed by whoever mocks. */
export const sandboxPackageName = '@commerce-collections/contract';

export type SandboxPackage = typeof import('@commerce-collections/contract');

/** Node's "not found" for the package itself, not for something missing inside it (that stays a crash). */
function isSandboxPackageMissing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') &&
    error instanceof Error &&
    error.message.includes(`'${sandboxPackageName}'`)
  );
}

/**
 * Loads the sandbox package on demand, so installing the CLI never downloads Prism and its tree: a real-API
 * run never loads it. Undefined when it is not installed. The peer range is open (`>=0.0.0`, so a contract release
 * does not force a CLI major), so what the CLI calls is checked here instead.
 */
export async function loadSandboxPackage(): Promise<SandboxPackage | undefined> {
  let loaded: SandboxPackage;
  try {
    loaded = await import('@commerce-collections/contract');
  } catch (error) {
    if (isSandboxPackageMissing(error)) return undefined;
    throw error;
  }
  if (typeof loaded.startValidatedSandbox !== 'function') {
    throw new UsageError(
      `the installed ${sandboxPackageName} has no startValidatedSandbox(): install the release of it that came with this CLI (the same version)`,
    );
  }
  return loaded;
}

/**
 * Starts a local sandbox per mocked provider, each behind a validating Prism proxy, so the demo exercises the
 * real clients over real HTTP and every byte is checked against our specs. Shoplazza keeps its real 2 req/s
 * limit.
 */
export async function startSandboxes(
  { startValidatedSandbox }: SandboxPackage,
  providers: readonly ProviderName[],
): Promise<SandboxEndpoints> {
  const endpoints: SandboxEndpoints = { close: async () => {} };
  if (providers.length === 0) return endpoints;
  const started = await Promise.allSettled([
    providers.includes('highlevel')
      ? startValidatedSandbox('highlevel', { collections: sandboxSizes.highlevel, seed })
      : undefined,
    providers.includes('shoplazza')
      ? startValidatedSandbox('shoplazza', { collections: sandboxSizes.shoplazza, seed })
      : undefined,
  ]);
  const [highlevel, shoplazza] = started;
  const running = started.flatMap((result) =>
    result.status === 'fulfilled' && result.value ? [result.value] : [],
  );
  endpoints.close = async () => {
    await Promise.allSettled(running.map((sandbox) => sandbox.close()));
  };
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) {
    await endpoints.close();
    throw failed.reason;
  }
  if (highlevel?.status === 'fulfilled' && highlevel.value) {
    const { url, sandbox } = highlevel.value;
    endpoints.highlevel = { baseUrl: url, token: sandbox.token, locationId: sandbox.locationId };
  }
  if (shoplazza?.status === 'fulfilled' && shoplazza.value) {
    const { url, sandbox } = shoplazza.value;
    endpoints.shoplazza = { baseUrl: url, token: sandbox.token, shop: sandbox.shop };
  }
  return endpoints;
}
