import { describe, expectTypeOf, it } from 'vitest';
import { type CliIo, type Command, ExitCode, parseCommandLine, run } from '../../src/index';

describe('public API types', () => {
  it('run resolves with one of the documented exit codes', () => {
    expectTypeOf(run).parameters.toEqualTypeOf<[readonly string[], CliIo]>();
    expectTypeOf(run).returns.resolves.toEqualTypeOf<0 | 1 | 2 | 130 | 143>();
    expectTypeOf(ExitCode.interrupted).toEqualTypeOf<130>();
    expectTypeOf(ExitCode.terminated).toEqualTypeOf<143>();
  });

  it('parseCommandLine narrows on kind', () => {
    const command = parseCommandLine(['list']);
    expectTypeOf(command).toEqualTypeOf<Command>();
    if (command.kind === 'list') {
      expectTypeOf(command.args.format).toEqualTypeOf<'table' | 'json' | 'ndjson'>();
      expectTypeOf(command.args.max).toEqualTypeOf<number | undefined>();
    }
  });

  it('tokens are not part of the io: only the environment carries them', () => {
    expectTypeOf<CliIo['env']>().toEqualTypeOf<Readonly<Record<string, string | undefined>>>();
    // @ts-expect-error there is no token option anywhere in the CLI's API
    const io: CliIo = { stdout: process.stdout, stderr: process.stderr, env: {}, token: 'x' };
    expectTypeOf(io).toEqualTypeOf<CliIo>();
  });
});
