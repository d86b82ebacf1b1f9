import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** What a rehearsal must not change: the user's ~/.npmrc (bytes, or its absence) and npm's effective registry. */
export function npmConfiguration() {
  const npmrc = join(homedir(), '.npmrc');
  return {
    npmrc: existsSync(npmrc) ? readFileSync(npmrc, 'utf8') : null,
    registry: execFileSync('npm', ['config', 'get', 'registry'], { encoding: 'utf8' }).trim(),
  };
}

/** Whether a process id is still alive (signal 0 only checks). */
export function isRunning(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
}
