/** The process exit codes, documented in --help and the README. 130 is the shell's 128 + SIGINT. */
export const ExitCode = {
  success: 0,
  apiFailure: 1,
  usage: 2,
  interrupted: 130,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
