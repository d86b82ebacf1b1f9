import type { RateLimitOptions, SandboxMode, SandboxOptionsBase } from './types';

export interface ResolvedSandboxOptions {
  count: number;
  seed: string;
  token: string;
  latencyMs: number;
  /** The effective limit (interval already multiplied by timeScale), or undefined when disabled. */
  rateLimit: RateLimitOptions | undefined;
  /** The vendor's nominal limit scaled, for headers even when limiting is disabled. */
  nominalRateLimit: RateLimitOptions;
  mode: SandboxMode;
  port: number;
}

function fail(option: string, expected: string, actual: unknown): never {
  throw new TypeError(`Sandbox option \`${option}\` must be ${expected}; got ${JSON.stringify(actual)}.`);
}

function isNonNegativeInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** Checks and defaults the options both sandboxes share; every error names the option. */
export function resolveSandboxOptions(
  options: Omit<SandboxOptionsBase<never, never>, 'faults'>,
  defaultRateLimit: RateLimitOptions,
): ResolvedSandboxOptions {
  const count = options.collections ?? 250;
  if (!isNonNegativeInteger(count)) fail('collections', 'a non-negative integer', count);
  const seed = options.seed ?? 'sandbox';
  if (typeof seed !== 'string') fail('seed', 'a string', seed);
  const token = options.token ?? 'sandbox-token';
  // Never echo a token value, not even a wrong one.
  if (typeof token !== 'string' || token.length === 0) fail('token', 'a non-empty string', typeof token);
  const latencyMs = options.latencyMs ?? 0;
  if (typeof latencyMs !== 'number' || !(latencyMs >= 0)) fail('latencyMs', 'a number >= 0', latencyMs);
  const timeScale = options.timeScale ?? 1;
  if (typeof timeScale !== 'number' || !(timeScale > 0)) fail('timeScale', 'a number > 0', timeScale);
  const mode = options.mode ?? 'faithful';
  if (mode !== 'faithful' && mode !== 'drifted') fail('mode', "'faithful' or 'drifted'", mode);
  const port = options.port ?? 0;
  if (!isNonNegativeInteger(port) || port > 65_535) fail('port', 'an integer in 0..65535', port);
  const requested = options.rateLimit === undefined ? defaultRateLimit : options.rateLimit;
  if (requested !== false) {
    if (typeof requested !== 'object' || requested === null)
      fail('rateLimit', '{ limit, intervalMs } or false', requested);
    if (!isNonNegativeInteger(requested.limit) || requested.limit < 1) {
      fail('rateLimit.limit', 'a positive integer', requested.limit);
    }
    if (typeof requested.intervalMs !== 'number' || !(requested.intervalMs > 0)) {
      fail('rateLimit.intervalMs', 'a number > 0', requested.intervalMs);
    }
  }
  const scale = (limit: RateLimitOptions): RateLimitOptions => ({
    limit: limit.limit,
    intervalMs: Math.max(1, Math.round(limit.intervalMs * timeScale)),
  });
  return {
    count,
    seed,
    token,
    latencyMs,
    rateLimit: requested === false ? undefined : scale(requested),
    nominalRateLimit: scale(requested === false ? defaultRateLimit : requested),
    mode,
    port,
  };
}
