import type { ShoplazzaApiVersion } from '@commerce-collections/sdk';
import type { ListArgs } from './args';
import { shoplazzaVersionOf } from './shoplazza-version';
import { UsageError } from './usage-error';

export type ProviderName = 'highlevel' | 'shoplazza';

export type HighLevelSource =
  | { mode: 'api'; token: string; locationId: string; baseUrl?: string }
  | { mode: 'sandbox' };
export type ShoplazzaSource =
  | { mode: 'api'; token: string; shop: string; baseUrl?: string }
  | { mode: 'sandbox' };

/** Where each requested provider's collections come from. A provider that was not asked for is absent. */
export interface SourcePlan {
  highlevel?: HighLevelSource;
  shoplazza?: ShoplazzaSource;
  /** Why sandboxes are used: the --mock flag, or a provider's token missing from the environment. */
  mockReason?: 'flag' | 'missing-token';
  /** --shoplazza-version or SHOPLAZZA_API_VERSION; absent: the client's default (2022-01). Sandboxes serve both. */
  shoplazzaVersion?: ShoplazzaApiVersion;
}

export const envNames = {
  highlevelToken: 'HIGHLEVEL_TOKEN',
  highlevelLocationId: 'HIGHLEVEL_LOCATION_ID',
  shoplazzaToken: 'SHOPLAZZA_TOKEN',
  shoplazzaShop: 'SHOPLAZZA_SHOP',
} as const;

type Env = Readonly<Record<string, string | undefined>>;

/** An unset or blank variable counts as absent (`HIGHLEVEL_TOKEN= cmd` is a common way to unset one). */
function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/**
 * Decides real API or local sandbox per provider. Tokens come only from the environment; the location id and
 * shop from a flag or the environment. A provider with a token but no identity is a usage error rather than a
 * silent fallback, so a typo never lists sandbox data when real data was meant.
 */
export function planSources(args: ListArgs, env: Env): SourcePlan {
  const plan: SourcePlan = {};
  const wantHighLevel = args.provider !== 'shoplazza';
  const wantShoplazza = args.provider !== 'highlevel';

  if (wantHighLevel) {
    const token = args.mock ? undefined : read(env, envNames.highlevelToken);
    if (token === undefined) {
      if (args.highlevelBaseUrl) {
        throw new UsageError(`--highlevel-base-url needs ${envNames.highlevelToken} in the environment`);
      }
      plan.highlevel = { mode: 'sandbox' };
    } else {
      const locationId = args.highlevelLocationId ?? read(env, envNames.highlevelLocationId);
      if (locationId === undefined) {
        throw new UsageError(
          `${envNames.highlevelToken} is set but the location id is missing: set ${envNames.highlevelLocationId} or pass --highlevel-location-id`,
        );
      }
      plan.highlevel = {
        mode: 'api',
        token,
        locationId,
        ...(args.highlevelBaseUrl && { baseUrl: args.highlevelBaseUrl }),
      };
    }
  }
  if (wantShoplazza) {
    const token = args.mock ? undefined : read(env, envNames.shoplazzaToken);
    if (token === undefined) {
      if (args.shoplazzaBaseUrl) {
        throw new UsageError(`--shoplazza-base-url needs ${envNames.shoplazzaToken} in the environment`);
      }
      plan.shoplazza = { mode: 'sandbox' };
    } else {
      const shop = args.shoplazzaShop ?? read(env, envNames.shoplazzaShop);
      if (shop === undefined) {
        throw new UsageError(
          `${envNames.shoplazzaToken} is set but the shop is missing: set ${envNames.shoplazzaShop} or pass --shoplazza-shop`,
        );
      }
      plan.shoplazza = {
        mode: 'api',
        token,
        shop,
        ...(args.shoplazzaBaseUrl && { baseUrl: args.shoplazzaBaseUrl }),
      };
    }
  }
  const version = wantShoplazza ? shoplazzaVersionOf(args.shoplazzaVersion, env) : undefined;
  if (version !== undefined) plan.shoplazzaVersion = version;
  if (plan.highlevel?.mode === 'sandbox' || plan.shoplazza?.mode === 'sandbox') {
    plan.mockReason = args.mock ? 'flag' : 'missing-token';
  }
  return plan;
}

/** The providers a plan lists, in listing order (HighLevel first, as the SDK lists them). */
export function plannedProviders(plan: SourcePlan): ProviderName[] {
  return (['highlevel', 'shoplazza'] as const).filter((p) => plan[p] !== undefined);
}

/** The providers a plan sends to a local sandbox, in display order. */
export function sandboxedProviders(plan: SourcePlan): ProviderName[] {
  const out: ProviderName[] = [];
  if (plan.highlevel?.mode === 'sandbox') out.push('highlevel');
  if (plan.shoplazza?.mode === 'sandbox') out.push('shoplazza');
  return out;
}
