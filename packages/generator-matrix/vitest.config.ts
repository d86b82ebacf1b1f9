import { defineConfig } from 'vitest/config';

// One project: `contract` (`test:contract`): the generated clients (generated/, from `generate:clients`)
// against the validated sandboxes, and the strict type-check of their output. Both write reports/*.json,
// from which scripts/render-matrix.mjs renders the table in specs/README.md.
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'contract',
          include: ['test/contract/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
    ],
    passWithNoTests: false,
    reporters: ['default', 'junit'],
    outputFile: { junit: 'reports/contract.xml' },
  },
});
