/** The providers the facade composes (the runtime names none). */
export type Provider = 'highlevel' | 'shoplazza';

const NAMES: Record<Provider, string> = { highlevel: 'HighLevel', shoplazza: 'Shoplazza' };

/** "HighLevel" / "Shoplazza", for messages. */
export function providerName(provider: Provider): string {
  return NAMES[provider] ?? String(provider);
}
