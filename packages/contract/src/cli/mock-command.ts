import { parseArgs } from 'node:util';
import { startPrismMock } from '../prism/mock';
import { readNumber, readProvider } from './arguments';
import { mockHelp } from './help';
import type { CliIo } from './io';

/** `mock <provider>`: a Prism mock of the bundled spec until stopped. */
export async function runMockCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      port: { type: 'string' },
      dynamic: { type: 'boolean' },
      seed: { type: 'string' },
      errors: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(mockHelp);
    return 0;
  }
  const api = readProvider(positionals, 'mock');
  const port = readNumber(values.port, '--port', 'mock', { integer: true, min: 0, max: 65_535 });
  const mock = await startPrismMock({
    api,
    dynamic: values.dynamic ?? false,
    errors: values.errors ?? false,
    ...(values.seed === undefined ? {} : { seed: values.seed }),
    ...(port === undefined ? {} : { port }),
  });
  io.stdout(`${api} Prism mock listening on ${mock.url}\n`);
  await io.untilStopped();
  await mock.close();
  return 0;
}
