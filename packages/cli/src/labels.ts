import type { ProviderName } from './plan';

export const providerLabel: Record<ProviderName, string> = { highlevel: 'HighLevel', shoplazza: 'Shoplazza' };

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
