import { defineConfig } from 'vitest/config';

// `unit` (`test`): the rules that turn a recorded request into a matrix cell. `contract` (`test:contract`): the generated clients (generated/, from `generate:clients`)
// against the validated sandboxes, and the strict type-check of their output. Both write reports/*.json,
// from which scripts/render-matrix.mjs renders the table in specs/README.md.
export default defineConfig({
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'contract',
          include: ['test/contract/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
    passWithNoTests: false,
    reporters: ['default', 'junit'],
    outputFile: { junit: process.argv.includes('unit') ? 'reports/unit.xml' : 'reports/contract.xml' },
  },
});
