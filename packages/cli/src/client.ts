import { type CollectionsClient, createCollectionsClient, type Hooks } from '@commerce-collections/sdk';
import type { SourcePlan } from './plan';
import type { SandboxEndpoints } from './sandboxes';

const withBaseUrl = (baseUrl: string | undefined) => (baseUrl ? { baseUrl } : {});

/**
 * The facade client for a plan: real providers with the user's credentials, mocked ones pointed at their
 * sandbox. Hooks feed progress and the summary.
 */
export function createClientForPlan(
  plan: SourcePlan,
  sandboxes: SandboxEndpoints,
  hooks: Hooks,
): CollectionsClient {
  const highlevel = plan.highlevel?.mode === 'api' ? plan.highlevel : sandboxes.highlevel;
  const shoplazza = plan.shoplazza?.mode === 'api' ? plan.shoplazza : sandboxes.shoplazza;
  return createCollectionsClient({
    hooks,
    ...(highlevel && {
      highlevel: {
        token: highlevel.token,
        locationId: highlevel.locationId,
        ...withBaseUrl(highlevel.baseUrl),
      },
    }),
    ...(shoplazza && {
      shoplazza: {
        token: shoplazza.token,
        shop: shoplazza.shop,
        ...withBaseUrl(shoplazza.baseUrl),
        ...(plan.shoplazzaVersion && { apiVersion: plan.shoplazzaVersion }),
      },
    }),
  });
}
