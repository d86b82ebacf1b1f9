import type { ShoplazzaApiVersion } from '@commerce-collections/sdk';
import { UsageError } from './usage-error';

export const SHOPLAZZA_VERSION_ENV = 'SHOPLAZZA_API_VERSION';
const VERSIONS: readonly ShoplazzaApiVersion[] = ['2022-01', '2025-06'];

/** Checks a version from `--shoplazza-version` or the environment; `source` names it in the error. */
export function parseShoplazzaVersion(value: string, source: string): ShoplazzaApiVersion {
  const version = value.trim() as ShoplazzaApiVersion;
  if (!VERSIONS.includes(version)) {
    throw new UsageError(`${source} must be ${VERSIONS.join(' or ')} (got ${JSON.stringify(value)})`);
  }
  return version;
}

/** The flag wins over the variable; an unset or blank variable means the client's default (2022-01). */
export function shoplazzaVersionOf(
  flag: ShoplazzaApiVersion | undefined,
  env: Readonly<Record<string, string | undefined>>,
): ShoplazzaApiVersion | undefined {
  if (flag !== undefined) return flag;
  const value = env[SHOPLAZZA_VERSION_ENV];
  return value === undefined || value.trim() === ''
    ? undefined
    : parseShoplazzaVersion(value, SHOPLAZZA_VERSION_ENV);
}
