import type { Provider } from '@commerce-collections/runtime';

const NAMES: Record<Provider, string> = { highlevel: 'HighLevel', shoplazza: 'Shoplazza' };

/** "HighLevel" / "Shoplazza", for messages. */
export function providerName(provider: Provider): string {
  return NAMES[provider] ?? String(provider);
}
