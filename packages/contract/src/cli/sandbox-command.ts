import { parseArgs } from 'node:util';
import { sandboxOptionsEnv } from '../sandbox/process';
import { type SandboxOptionsByApi, startSandbox } from '../sandbox/start';
import type { ApiName, SandboxMode } from '../sandbox/types';
import { readNumber, readProvider } from './arguments';
import { sandboxHelp } from './help';
import type { CliIo } from './io';
import { UsageError } from './usage-error';

const hint = 'Run `commerce-collections-contract sandbox --help`.';

function parseSandboxArguments(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      port: { type: 'string' },
      collections: { type: 'string' },
      seed: { type: 'string' },
      'token-env': { type: 'string' },
      'location-id': { type: 'string' },
      shop: { type: 'string' },
      mode: { type: 'string' },
      inactive: { type: 'boolean' },
      'cursor-mode': { type: 'string' },
      'latency-ms': { type: 'string' },
      'time-scale': { type: 'string' },
      'no-rate-limit': { type: 'boolean' },
      // Internal: options as JSON in an environment variable (see startSandboxProcess).
      'options-from-env': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

type SandboxFlags = ReturnType<typeof parseSandboxArguments>['values'];
type SandboxOptionRecord = Record<string, unknown>;

/** Sets `key` only when the flag was given, so options from the environment keep their value otherwise. */
function setGiven(options: SandboxOptionRecord, key: string, value: unknown): void {
  if (value !== undefined) options[key] = value;
}

/** The flags both providers take, over `options`. */
function readSharedFlags(values: SandboxFlags, io: CliIo, options: SandboxOptionRecord): void {
  setGiven(
    options,
    'port',
    readNumber(values.port, '--port', 'sandbox', { integer: true, min: 0, max: 65_535 }),
  );
  setGiven(
    options,
    'collections',
    readNumber(values.collections, '--collections', 'sandbox', { integer: true, min: 0 }),
  );
  setGiven(options, 'seed', values.seed);
  setGiven(options, 'latencyMs', readNumber(values['latency-ms'], '--latency-ms', 'sandbox', { min: 0 }));
  setGiven(
    options,
    'timeScale',
    readNumber(values['time-scale'], '--time-scale', 'sandbox', { min: Number.MIN_VALUE }),
  );
  if (values['no-rate-limit']) options.rateLimit = false;
  if (values.mode !== undefined) {
    if (values.mode !== 'faithful' && values.mode !== 'drifted') {
      throw new UsageError(`sandbox: --mode must be "faithful" or "drifted"; got "${values.mode}".`, hint);
    }
    options.mode = values.mode satisfies SandboxMode;
  }
  if (values['token-env'] !== undefined) {
    const token = io.env[values['token-env']];
    if (!token)
      throw new UsageError(`sandbox: environment variable ${values['token-env']} is empty or unset.`, hint);
    options.token = token;
  }
}

/** The flags of one provider, over `options`; the other provider's flags are refused. */
function readProviderFlags(provider: ApiName, values: SandboxFlags, options: SandboxOptionRecord): void {
  if (provider === 'highlevel') {
    if (values.shop !== undefined || values.inactive || values['cursor-mode'] !== undefined) {
      throw new UsageError('sandbox: --shop, --inactive and --cursor-mode apply to shoplazza only.', hint);
    }
    setGiven(options, 'locationId', values['location-id']);
    return;
  }
  if (values['location-id'] !== undefined) {
    throw new UsageError('sandbox: --location-id applies to highlevel only.', hint);
  }
  setGiven(options, 'shop', values.shop);
  if (values.inactive) options.inactive = true;
  const cursorMode = values['cursor-mode'];
  if (cursorMode !== undefined && cursorMode !== 'keyset' && cursorMode !== 'offset') {
    throw new UsageError(`sandbox: --cursor-mode must be "keyset" or "offset"; got "${cursorMode}".`, hint);
  }
  setGiven(options, 'cursorMode', cursorMode);
}

/** `sandbox <provider>`: a stateful sandbox until stopped (also what `startSandboxProcess` runs). */
export async function runSandboxCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseSandboxArguments(args);
  if (values.help) {
    io.stdout(sandboxHelp);
    return 0;
  }
  const provider = readProvider(positionals, 'sandbox');
  const options: SandboxOptionRecord = values['options-from-env']
    ? (JSON.parse(io.env[sandboxOptionsEnv] ?? '{}') as SandboxOptionRecord)
    : {};
  readSharedFlags(values, io, options);
  readProviderFlags(provider, values, options);
  const sandbox = await startSandbox(provider, options as SandboxOptionsByApi[typeof provider]);
  io.stdout(`${provider} sandbox listening on ${sandbox.url}\n`);
  await io.untilStopped();
  await sandbox.close();
  return 0;
}
