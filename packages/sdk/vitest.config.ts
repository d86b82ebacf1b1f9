import { defineWorkspaceTests } from '../../vitest.shared.ts';

// Contract suites start their sandboxes in beforeAll rather than a globalSetup: they swap fault hooks
// (functions) per test, which cannot travel through provide()/inject().
export default defineWorkspaceTests();
