/** The command line itself is wrong (unknown flag, bad or missing value): exit 2, with a hint. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
