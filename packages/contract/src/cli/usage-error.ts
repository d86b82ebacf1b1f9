/** A mistake in how the CLI was called: exit code 2, message plus a hint. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly hint: string;

  constructor(message: string, hint: string) {
    super(message);
    this.hint = hint;
  }
}

/** node:util parseArgs throws TypeErrors with ERR_PARSE_ARGS_* codes; turn them into usage errors. */
export function asUsageError(error: unknown, command: string): UsageError | undefined {
  const code = (error as { code?: string }).code;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_')) {
    return new UsageError(
      (error as Error).message,
      `Run \`commerce-collections-contract ${command} --help\`.`,
    );
  }
  return undefined;
}
