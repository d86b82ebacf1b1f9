#!/usr/bin/env node
// `pnpm release:rehearse`: a real release, against a registry that exists only for the rehearsal. Starts
// Verdaccio on 127.0.0.1 (no uplink, temporary storage, a throwaway user), clones HEAD (plus your pending
// changesets), runs `pnpm version-packages` and `pnpm release` there exactly as the release workflow does, installs
// every public package by version range into fresh npm, pnpm and yarn consumers and uses it (Node ESM/CJS,
// TypeScript node16/bundler, both CLIs via npx, openapi-typescript over the specs), then publishes a runtime
// patch and checks the dependents' bumps, `npm update` and `npm ls`. Nothing of yours changes: the registry
// process is killed and the temporary folder removed even on failure, and npm runs with a temporary userconfig.
//
// Usage: node scripts/release-rehearse.mjs [repository] (default: this repository). Exit 0 rehearsed, 1 failed.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openRehearsal } from './lib/rehearsal/rehearsal.mjs';
import { rehearseRelease, step } from './lib/rehearsal/rehearse.mjs';

const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
const started = Date.now();
const log = (message) => console.log(`[${Math.round((Date.now() - started) / 1000)} s] ${message}`);

let rehearsal;
let failed = false;
const stop = async () => {
  await rehearsal?.close();
  log('registry stopped, temporary folder removed');
};
// Ctrl-C or a CI timeout: still kill the registry and remove the folder.
for (const signal of ['SIGINT', 'SIGTERM'])
  process.once(signal, () => stop().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143)));

try {
  rehearsal = await step(
    'setup',
    'the registry or the clone did not start: `pnpm install` (Verdaccio comes with packages/pack-tests), and commit or stash a lockfile change',
    () => openRehearsal(root, { log }),
  );
  await rehearseRelease(rehearsal, log);
  log('Release rehearsal passed: published, installed, used and upgraded every public package.');
} catch (error) {
  failed = true;
  console.error(error instanceof Error ? error.message : error);
} finally {
  await stop();
}
process.exit(failed ? 1 : 0);
