import { defineConfig } from 'vitest/config';
import { sharedSetupFiles } from '../vitest.shared.ts';

// The specs package has no source code of its own: its tests check the published bundles (dist/, built by the
// `build` task this `test` task depends on) and the breaking-change gate. Its fixtures are plain OpenAPI files.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: sharedSetupFiles,
    // A "finishes at all" bound: redocly and tsc runs took over 60 s with both cores busy.
    testTimeout: 600_000,
    passWithNoTests: false,
    reporters: ['default', 'junit'],
    outputFile: { junit: 'reports/unit.xml' },
  },
});
