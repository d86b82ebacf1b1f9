import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { ApiName } from '../sandbox/types';
import { applyBaseline, type BaselineEntry, BaselineError, loadBaseline } from '../verify/baseline';
import { formatVerifyReport } from '../verify/format-report';
import { renderJunit } from '../verify/junit';
import { runVerify } from '../verify/run-verify';
import { defaultTokenEnv, readNumber, readProvider } from './arguments';
import { verifyHelp } from './help';
import type { CliIo } from './io';
import { UsageError } from './usage-error';

const hint = 'Run `commerce-collections-contract verify --help`.';

/**
 * Replaces every occurrence of the token, as a last line of defence for anything printed or written.
 * Tokens shorter than 6 characters are not real credentials and would mangle ordinary words.
 */
function redact(text: string, token: string): string {
  return token.length >= 6 ? text.replaceAll(token, '[redacted]') : text;
}

function parseVerifyArguments(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      upstream: { type: 'string' },
      'token-env': { type: 'string' },
      'location-id': { type: 'string' },
      shop: { type: 'string' },
      junit: { type: 'string' },
      baseline: { type: 'string' },
      rate: { type: 'string' },
      'max-requests': { type: 'string' },
      timeout: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

type VerifyFlags = ReturnType<typeof parseVerifyArguments>['values'];

/** `--upstream` with `{shop}` filled, checked to be an http(s) URL; provider-only flags refused on the other. */
function readUpstream(api: ApiName, values: VerifyFlags): URL {
  if (values.upstream === undefined) throw new UsageError('verify: --upstream URL is required.', hint);
  let upstream = values.upstream;
  if (api === 'shoplazza' && values.shop !== undefined) upstream = upstream.replaceAll('{shop}', values.shop);
  if (api === 'highlevel' && values.shop !== undefined)
    throw new UsageError('verify: --shop applies to shoplazza only.', hint);
  if (api === 'shoplazza' && values['location-id'] !== undefined) {
    throw new UsageError('verify: --location-id applies to highlevel only.', hint);
  }
  try {
    const upstreamUrl = new URL(upstream);
    if (upstreamUrl.protocol !== 'http:' && upstreamUrl.protocol !== 'https:') throw new Error('protocol');
    if (upstreamUrl.hostname.includes('{')) throw new Error('template');
    return upstreamUrl;
  } catch {
    throw new UsageError(
      `verify: --upstream must be an http(s) URL; got "${upstream}".`,
      `${hint} Use --shop to fill {shop}.`,
    );
  }
}

function readToken(api: ApiName, values: VerifyFlags, io: CliIo): string {
  const tokenEnv = values['token-env'] ?? defaultTokenEnv(api);
  const token = io.env[tokenEnv];
  if (!token) {
    throw new UsageError(
      `verify: environment variable ${tokenEnv} is empty or unset.`,
      `Set ${tokenEnv} or pass --token-env NAME.`,
    );
  }
  return token;
}

function readBaselineFlag(path: string | undefined): BaselineEntry[] {
  if (path === undefined) return [];
  try {
    return loadBaseline(path);
  } catch (error) {
    if (error instanceof BaselineError) throw new UsageError(`verify: ${error.message}`, hint);
    throw error;
  }
}

/** `verify <provider> --upstream URL`: documented requests through the validating proxy. */
export async function runVerifyCommand(args: string[], io: CliIo, today = new Date()): Promise<number> {
  const { values, positionals } = parseVerifyArguments(args);
  if (values.help) {
    io.stdout(verifyHelp);
    return 0;
  }
  const api = readProvider(positionals, 'verify');
  const upstreamUrl = readUpstream(api, values);
  const ratePerSecond = readNumber(values.rate, '--rate', 'verify', { min: Number.MIN_VALUE }) ?? 2;
  const maxRequests =
    readNumber(values['max-requests'], '--max-requests', 'verify', { integer: true, min: 1 }) ?? 20;
  const timeoutSeconds = readNumber(values.timeout, '--timeout', 'verify', { min: Number.MIN_VALUE }) ?? 60;
  const token = readToken(api, values, io);
  const baseline = readBaselineFlag(values.baseline);

  const result = await runVerify({
    api,
    upstream: upstreamUrl.href,
    token,
    overrides: values['location-id'] === undefined ? {} : { altId: values['location-id'] },
    ratePerSecond,
    maxRequests,
    timeoutMs: timeoutSeconds * 1000,
  });
  const outcome = applyBaseline(result.findings, baseline, today);
  io.stdout(redact(formatVerifyReport(api, upstreamUrl.origin, result, outcome), token));
  if (values.junit !== undefined)
    writeFileSync(values.junit, redact(renderJunit(api, result, outcome), token));
  return outcome.fresh.length > 0 || outcome.expired.length > 0 ? 1 : 0;
}
