import { defineWorkspaceTests } from '../../vitest.shared';

export default defineWorkspaceTests();
