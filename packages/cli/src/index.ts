export { type Command, type Format, type ListArgs, type ProviderChoice, parseCommandLine } from './args';
export { ExitCode } from './exit-codes';
export { describeFailure, type Failure } from './failure';
export { helpText } from './help';
export type { CliIo, TerminalStream } from './io';
export { run } from './run';
export { UsageError } from './usage-error';
