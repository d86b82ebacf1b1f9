import { fileURLToPath } from 'node:url';
import { defineConfig, type TestProjectConfiguration } from 'vitest/config';

/**
 * Setup files every vitest project in the repository runs (configs that do not call defineWorkspaceTests add
 * them too): the timer guard fails a test that schedules an overflowing, over-long or spinning timer.
 */
export const sharedSetupFiles = [fileURLToPath(new URL('./test-support/timer-guard.ts', import.meta.url))];

/**
 * Every package's vitest.config.ts calls this, so the test layout is the same everywhere:
 * test/unit (injected fetch, no network), test/types (*.test-d.ts, type-checked only) and
 * test/contract (real HTTP on loopback; servers start in globalSetup and reach tests via inject()).
 * JUnit XML goes to reports/ beside the default output.
 */
export function defineWorkspaceTests(options: { contractSetup?: string[]; contractTimeoutMs?: number } = {}) {
  const projects: TestProjectConfiguration[] = [
    // 30 s, not vitest's 5 s: a "finishes at all" bound. Unit tests that start a loopback server took over 5 s
    // with both cores busy; what a test proves must come from what happened, never from how fast.
    { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], testTimeout: 30_000 } },
    {
      extends: true,
      test: {
        name: 'types',
        include: [],
        typecheck: {
          enabled: true,
          only: true,
          include: ['test/types/**/*.test-d.ts'],
          tsconfig: './tsconfig.json',
        },
      },
    },
    {
      extends: true,
      test: {
        name: 'contract',
        include: ['test/contract/**/*.test.ts'],
        globalSetup: options.contractSetup ?? [],
        testTimeout: options.contractTimeoutMs ?? 120_000, // "finishes at all": built-CLI runs took over 30 s when busy
        hookTimeout: 180_000, // "finishes at all": starting Prism or a built CLI slows badly when the machine is loaded
      },
    },
  ];
  const isContract = process.argv.includes('contract');
  return defineConfig({
    test: {
      projects,
      setupFiles: sharedSetupFiles,
      passWithNoTests: false,
      reporters: ['default', 'junit'],
      outputFile: { junit: isContract ? 'reports/contract.xml' : 'reports/unit.xml' },
    },
  });
}
