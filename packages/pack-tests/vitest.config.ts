import { defineConfig } from 'vitest/config';
import { sharedSetupFiles } from '../../vitest.shared.ts';

// Three projects, three turbo tasks:
// - `release` (`test`): the release tooling (changeset check, release dry run) against scratch git repositories.
// - `pack` (`test:pack`): every public package packed, installed from tarballs into scratch consumers and used
//   from Node ESM/CJS, TypeScript and Chromium. One globalSetup packs and installs once per run.
// - `rehearsal` (`test:rehearsal`): the release rehearsal (scripts/release-rehearse.mjs) against a loopback
//   Verdaccio: minutes of building and installing, so its own task, bounded by one generous timeout.
const project = ['pack', 'rehearsal'].find((name) => process.argv.includes(name)) ?? 'release';
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'release',
          include: ['test/release/**/*.test.ts', 'test/tooling/**/*.test.ts'],
          // "Finishes at all" bounds: scratch installs, worktrees and packs took over 120 s with both cores busy.
          testTimeout: 600_000,
          hookTimeout: 600_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'rehearsal',
          include: ['test/rehearsal/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 50 * 60_000, // two cold release builds took 33 min at load ~20 (CI, idle: ~10 min)
        },
      },
      {
        extends: true,
        test: {
          name: 'pack',
          include: ['test/pack/**/*.test.ts'],
          globalSetup: ['test/pack/global-setup.ts'],
          // "Finishes at all": installing tarballs took over 120 s at load ~20.
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
    setupFiles: sharedSetupFiles,
    passWithNoTests: false,
    reporters: ['default', 'junit'],
    outputFile: { junit: `reports/${project}.xml` },
  },
});
