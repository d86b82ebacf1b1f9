import { describe, expect, it } from 'vitest';
import type { ProviderAdapter } from '../../src/adapters/adapter';
import { adapters, providerNames } from '../../src/adapters/registry';

// The registry's `satisfies` clause makes a missing piece a type error; this catches what types cannot: an
// adapter registered under another name, an unknown style, an empty label, a piece set to undefined through a cast.
const STYLES = ['offset', 'page-number', 'cursor'];
const METHODS = ['createClient', 'toParams', 'fetchPage', 'idOf', 'toCollection'] as const;

function missingPieces(key: string, adapter: ProviderAdapter): string[] {
  const missing: string[] = [];
  if (adapter.name !== key) missing.push(`name (${String(adapter.name)} under ${key})`);
  if (typeof adapter.label !== 'string' || adapter.label.length === 0) missing.push('label');
  if (!STYLES.includes(adapter.style)) missing.push(`style (${String(adapter.style)})`);
  if (!Array.isArray(adapter.unsupported)) missing.push('unsupported');
  for (const method of METHODS) if (typeof adapter[method] !== 'function') missing.push(method);
  return missing;
}

describe('the provider registry', () => {
  it.each(providerNames)('%s has every piece of its adapter', (name) => {
    expect(missingPieces(name, adapters[name] as ProviderAdapter)).toEqual([]);
  });

  it('Shoplazza picks its adapter by the client’s apiVersion, each version complete', () => {
    const adapter = adapters.shoplazza;
    const client = (apiVersion: '2022-01' | '2025-06') =>
      adapter.createClient({ token: 't', baseUrl: 'https://demo.example.test', apiVersion });
    const v2022 = adapter.forClient!(client('2022-01'));
    const v2025 = adapter.forClient!(client('2025-06'));
    expect([v2022.style, v2025.style]).toEqual(['page-number', 'cursor']);
    expect(missingPieces('shoplazza', v2022 as ProviderAdapter)).toEqual([]);
    expect(missingPieces('shoplazza', v2025 as ProviderAdapter)).toEqual([]);
  });

  it('lists the providers in listing order, each once', () => {
    expect(providerNames).toEqual(Object.keys(adapters));
    expect(new Set(providerNames.map((name) => adapters[name].label)).size).toBe(providerNames.length);
  });

  it('the check finds a piece left out', () => {
    const { fetchPage: _left, ...incomplete } = adapters.shoplazza;
    expect(missingPieces('shoplazza', incomplete as unknown as ProviderAdapter)).toEqual(['fetchPage']);
    expect(missingPieces('other', adapters.highlevel as ProviderAdapter)).toEqual([
      'name (highlevel under other)',
    ]);
  });
});
