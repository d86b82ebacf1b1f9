import { inspect } from 'node:util';
import { CommerceCollectionsError, ValidationError } from '@commerce-collections/sdk';
import { ExitCode } from './exit-codes';
import { usageHint } from './help';
import { redact } from './redact';
import { UsageError } from './usage-error';

export interface Failure {
  code: ExitCode;
  /** What goes to stderr, newline-terminated: one line, or more with --verbose. */
  text: string;
}

const prefix = 'commerce-collections: ';

function sentence(message: string): string {
  return /[.!?]$/.test(message) ? message : `${message}.`;
}

/**
 * Maps what went wrong to an exit code and a message. Bad input (ours or caught by the SDK before any
 * request) is a usage error, 2, with the --help hint; anything after that is an API failure, 1.
 * The message is the error's own one line; --verbose adds the stack and the SDK's log-safe details.
 */
export function describeFailure(
  error: unknown,
  options: { verbose: boolean; secrets: readonly string[] },
): Failure {
  const message = error instanceof Error ? error.message : String(error);
  const isUsage = error instanceof UsageError || error instanceof ValidationError;
  let text = isUsage ? `${prefix}${sentence(message)} ${usageHint}\n` : `${prefix}${message}\n`;
  if (options.verbose && !(error instanceof UsageError)) {
    if (error instanceof Error && error.stack) text += `${error.stack}\n`;
    if (error instanceof CommerceCollectionsError) {
      text += `${inspect(error.toJSON(), { depth: 4, breakLength: 100 })}\n`;
    } else if (error instanceof Error && error.cause !== undefined) {
      text += `Caused by: ${inspect(error.cause, { depth: 2 })}\n`;
    }
  }
  return { code: isUsage ? ExitCode.usage : ExitCode.apiFailure, text: redact(text, options.secrets) };
}
