/**
 * The process exit codes, documented in --help and the README. 130 and 143 are the shell's 128 + SIGINT and
 * 128 + SIGTERM.
 */
export const ExitCode = {
  success: 0,
  apiFailure: 1,
  usage: 2,
  interrupted: 130,
  terminated: 143,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
