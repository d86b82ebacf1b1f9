import { mainHelp } from './help';
import type { CliIo } from './io';
import { runMockCommand } from './mock-command';
import { runSandboxCommand } from './sandbox-command';
import { asUsageError, UsageError } from './usage-error';
import { runVerifyCommand } from './verify-command';

const commands: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  mock: runMockCommand,
  verify: runVerifyCommand,
  sandbox: runSandboxCommand,
};

/** Runs the CLI and resolves with the exit code: 0 ok, 1 violations or failure, 2 usage error. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(mainHelp);
    return command === undefined ? 2 : 0;
  }
  const run = commands[command];
  if (!run) {
    io.stderr(`Unknown command "${command}".\nHint: run \`commerce-collections-contract --help\`.\n`);
    return 2;
  }
  try {
    return await run(rest, io);
  } catch (error) {
    const usage = error instanceof UsageError ? error : asUsageError(error, command);
    if (usage) {
      io.stderr(`${usage.message}\nHint: ${usage.hint}\n`);
      return 2;
    }
    // Option checks of the library (sandbox options, URLs) throw TypeErrors naming the option.
    if (error instanceof TypeError && /`[\w.]+`/.test(error.message)) {
      io.stderr(
        `${command}: ${error.message}\nHint: run \`commerce-collections-contract ${command} --help\`.\n`,
      );
      return 2;
    }
    io.stderr(`${command} failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
