import { parseArgs } from 'node:util';
import { sandboxOptionsEnv } from '../sandbox/process';
import { type SandboxOptionsByApi, startSandbox } from '../sandbox/start';
import type { SandboxMode } from '../sandbox/types';
import { readNumber, readProvider } from './arguments';
import { sandboxHelp } from './help';
import type { CliIo } from './io';
import { UsageError } from './usage-error';

/** `sandbox <provider>`: a stateful sandbox until stopped (also what `startSandboxProcess` runs). */
export async function runSandboxCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
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
  if (values.help) {
    io.stdout(sandboxHelp);
    return 0;
  }
  const provider = readProvider(positionals, 'sandbox');
  const hint = 'Run `commerce-collections-contract sandbox --help`.';
  let options: Record<string, unknown> = {};
  if (values['options-from-env']) {
    options = JSON.parse(io.env[sandboxOptionsEnv] ?? '{}') as Record<string, unknown>;
  }
  const set = (key: string, value: unknown) => {
    if (value !== undefined) options[key] = value;
  };
  set('port', readNumber(values.port, '--port', 'sandbox', { integer: true, min: 0, max: 65_535 }));
  set('collections', readNumber(values.collections, '--collections', 'sandbox', { integer: true, min: 0 }));
  set('seed', values.seed);
  set('latencyMs', readNumber(values['latency-ms'], '--latency-ms', 'sandbox', { min: 0 }));
  set('timeScale', readNumber(values['time-scale'], '--time-scale', 'sandbox', { min: Number.MIN_VALUE }));
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
  if (provider === 'highlevel') {
    if (values.shop !== undefined || values.inactive || values['cursor-mode'] !== undefined) {
      throw new UsageError('sandbox: --shop, --inactive and --cursor-mode apply to shoplazza only.', hint);
    }
    set('locationId', values['location-id']);
  } else {
    if (values['location-id'] !== undefined) {
      throw new UsageError('sandbox: --location-id applies to highlevel only.', hint);
    }
    set('shop', values.shop);
    if (values.inactive) options.inactive = true;
    const cursorMode = values['cursor-mode'];
    if (cursorMode !== undefined && cursorMode !== 'keyset' && cursorMode !== 'offset') {
      throw new UsageError(`sandbox: --cursor-mode must be "keyset" or "offset"; got "${cursorMode}".`, hint);
    }
    set('cursorMode', cursorMode);
  }
  const sandbox = await startSandbox(provider, options as SandboxOptionsByApi[typeof provider]);
  io.stdout(`${provider} sandbox listening on ${sandbox.url}\n`);
  await io.untilStopped();
  await sandbox.close();
  return 0;
}
