import { defineWorkspaceTests } from '../../vitest.shared.ts';

export default defineWorkspaceTests();
