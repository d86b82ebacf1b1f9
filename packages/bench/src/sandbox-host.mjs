// Fallback host for a contract sandbox in a child process, used only when @commerce-collections/contract's
// startSandboxProcess is unavailable. Usage (by lib/fixture.mjs): node sandbox-host.mjs <provider> <options-json>
import { startHighLevelSandbox, startShoplazzaSandbox } from '@commerce-collections/contract';

const [provider, json] = process.argv.slice(2);
const options = JSON.parse(json ?? '{}');
const sandbox =
  provider === 'shoplazza' ? await startShoplazzaSandbox(options) : await startHighLevelSandbox(options);
process.stdout.write(`${JSON.stringify({ url: sandbox.url })}\n`);
const stop = () => sandbox.close().finally(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('disconnect', stop);
