/** The two APIs this runtime serves. */
export type Provider = 'highlevel' | 'shoplazza';

const PROVIDER_NAMES: Record<Provider, string> = { highlevel: 'HighLevel', shoplazza: 'Shoplazza' };

/** Human-readable provider name for messages ("HighLevel", "Shoplazza"). */
export function providerName(provider: Provider): string {
  return PROVIDER_NAMES[provider] ?? String(provider);
}
