import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ApiName } from '../sandbox/types';

export const apiNames: readonly ApiName[] = ['highlevel', 'shoplazza'];

export function assertApiName(api: unknown, option = 'api'): asserts api is ApiName {
  if (!apiNames.includes(api as ApiName)) {
    throw new TypeError(`\`${option}\` must be one of ${apiNames.join(', ')}; got ${JSON.stringify(api)}.`);
  }
}

/**
 * Absolute path of the bundled single-file spec. Resolved through the package's exports, so it works in
 * this monorepo and in an installed copy alike (contract depends on specs). Needs `specs` to be built.
 */
export function resolveSpecPath(api: ApiName): string {
  assertApiName(api);
  return createRequire(import.meta.url).resolve(`@commerce-collections/specs/${api}/openapi.json`);
}

/** The bundled spec as plain JSON (no YAML parser needed). */
export function readSpecDocument(api: ApiName): Record<string, unknown> {
  return JSON.parse(readFileSync(resolveSpecPath(api), 'utf8')) as Record<string, unknown>;
}
