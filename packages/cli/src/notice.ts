import { providerLabel } from './labels';
import { envNames, type ProviderName, type SourcePlan, sandboxedProviders } from './plan';
import { sandboxSizes } from './sandbox-sizes';
import { sandboxPackageName } from './sandboxes';

const tokenVariable: Record<ProviderName, string> = {
  highlevel: envNames.highlevelToken,
  shoplazza: envNames.shoplazzaToken,
};

function sampleList(providers: readonly ProviderName[]): string {
  return providers.map((p) => `${sandboxSizes[p]} ${providerLabel[p]}`).join(' and ');
}

/**
 * The stderr line that says where data comes from whenever anything is mocked, so sample data is never
 * mistaken for a real store. Undefined when every provider is real.
 */
export function sourceNotice(plan: SourcePlan): string | undefined {
  const mocked = sandboxedProviders(plan);
  if (mocked.length === 0) return undefined;
  const sandboxes = `local ${mocked.length === 1 ? 'sandbox' : 'sandboxes'} (every exchange checked against the OpenAPI specs)`;
  const samples = `${sampleList(mocked)} sample collections from ${sandboxes}`;
  if (plan.mockReason === 'flag') return `--mock: listing ${samples}.`;
  const real = (['highlevel', 'shoplazza'] as const).filter((p) => plan[p]?.mode === 'api');
  const missing = mocked.map((p) => tokenVariable[p]).join(' and ');
  if (real.length === 0) {
    return `No credentials: ${missing} ${mocked.length === 1 ? 'is' : 'are'} not set, so this lists ${samples}. Set ${mocked.length === 1 ? 'it' : 'them'} to list real collections (see --help).`;
  }
  const realPart = real.map((p) => `${providerLabel[p]} from the real API`).join(', ');
  return `${realPart}; ${mocked.map((p) => providerLabel[p]).join(' and ')} MOCKED (${missing} not set): ${samples}.`;
}

/**
 * The usage error when sandboxes are needed but their package is not installed: names the package to install
 * and, for the no-credentials fallback, the variables that would list real collections instead.
 */
export function missingSandboxPackageMessage(plan: SourcePlan): string {
  const install = `install ${sandboxPackageName} next to the CLI (npm install ${sandboxPackageName})`;
  const needs = `the local sandboxes need ${sandboxPackageName}, which is not installed`;
  if (plan.mockReason === 'flag') return `--mock: ${needs}: ${install}`;
  const missing = sandboxedProviders(plan).map((p) => tokenVariable[p]);
  return `${missing.join(' and ')} not set, and ${needs}: set ${missing.length === 1 ? 'it' : 'them'} to list real collections, or ${install} to list sample ones`;
}
