import { apiNames } from '../prism/spec-source';
import type { ApiName } from '../sandbox/types';
import { UsageError } from './usage-error';

export function readProvider(positionals: readonly string[], command: string): ApiName {
  const hint = `Run \`commerce-collections-contract ${command} --help\`.`;
  const [provider, ...extra] = positionals;
  if (provider === undefined) {
    throw new UsageError(`${command}: missing provider (one of ${apiNames.join(', ')}).`, hint);
  }
  if (!apiNames.includes(provider as ApiName)) {
    throw new UsageError(
      `${command}: unknown provider "${provider}" (expected ${apiNames.join(' or ')}).`,
      hint,
    );
  }
  if (extra.length > 0) throw new UsageError(`${command}: unexpected argument "${extra[0]}".`, hint);
  return provider as ApiName;
}

/** A numeric flag: integer or not, with a lower bound; the error names the flag. */
export function readNumber(
  value: string | undefined,
  flag: string,
  command: string,
  rules: { integer?: boolean; min: number; max?: number },
): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  const valid =
    value.trim() !== '' &&
    Number.isFinite(parsed) &&
    (!rules.integer || Number.isInteger(parsed)) &&
    parsed >= rules.min &&
    (rules.max === undefined || parsed <= rules.max);
  if (!valid) {
    const kind = rules.integer ? 'an integer' : 'a number';
    const range = rules.max === undefined ? `>= ${rules.min}` : `in ${rules.min}..${rules.max}`;
    throw new UsageError(
      `${command}: ${flag} must be ${kind} ${range}; got "${value}".`,
      `Run \`commerce-collections-contract ${command} --help\`.`,
    );
  }
  return parsed;
}

/** The default token variable per provider. */
export function defaultTokenEnv(provider: ApiName): string {
  return provider === 'highlevel' ? 'HIGHLEVEL_TOKEN' : 'SHOPLAZZA_TOKEN';
}
