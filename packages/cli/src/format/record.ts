import type { Collection } from '@commerce-collections/sdk';

/** The JSON shape of a collection: the shared model, with the provider's raw item only when asked for. */
export function toRecord(collection: Collection, includeRaw: boolean): Record<string, unknown> {
  if (includeRaw) return { ...collection };
  const { raw: _raw, ...rest } = collection;
  return rest;
}
