import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');

/** A scratch git repository shaped like ours (packages/*, specs/<api>/), for the release scripts' tests. */
export function createScratchRepo(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'release-scratch-'));
  // No inherited GIT_* variables, no CHANGESET_BASE: each test says what it wants.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('GIT_') && key !== 'CHANGESET_BASE'),
  );
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env, encoding: 'utf8' }).trim();
  const write = (path: string, content: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  };
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'test@example.invalid');
  git('config', 'user.name', 'test');
  git('config', 'commit.gpgsign', 'false');
  for (const [path, content] of Object.entries(files)) write(path, content);
  const commit = (message: string) => {
    git('add', '-A');
    git('commit', '-qm', message, '--allow-empty');
    return git('rev-parse', 'HEAD');
  };
  return { dir, env, git, write, commit };
}

export const manifest = (fields: Record<string, unknown>) => `${JSON.stringify(fields, null, 2)}\n`;
