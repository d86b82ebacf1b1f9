import { version } from '../package.json';
import { parseCommandLine } from './args';
import { ExitCode } from './exit-codes';
import { describeFailure } from './failure';
import { helpText } from './help';
import type { CliIo } from './io';
import { runList } from './list-command';
import { envNames } from './plan';

/** The token values in the environment: scrubbed from anything printed, whatever happens. */
function secretsOf(env: CliIo['env']): string[] {
  return [env[envNames.highlevelToken], env[envNames.shoplazzaToken]].flatMap((value) => {
    const trimmed = value?.trim();
    return trimmed ? [trimmed] : [];
  });
}

/** Runs one command line and resolves with the exit code; never throws. */
export async function run(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const secrets = secretsOf(io.env);
  // Known before parsing, so even a failure to parse can be explained in full.
  const verbose = argv.includes('--verbose');
  try {
    const command = parseCommandLine(argv);
    switch (command.kind) {
      case 'help':
        io.stdout.write(helpText());
        return ExitCode.success;
      case 'version':
        // This package's version, inlined at build time.
        io.stdout.write(`${version}\n`);
        return ExitCode.success;
      case 'list':
        return await runList(command.args, io, secrets);
    }
  } catch (error) {
    const failure = describeFailure(error, { verbose, secrets });
    io.stderr.write(failure.text);
    return failure.code;
  }
}
