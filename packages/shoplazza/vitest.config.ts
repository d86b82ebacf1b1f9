import { defineWorkspaceTests } from '../../vitest.shared';

export default defineWorkspaceTests({ contractSetup: ['./test/contract/global-setup.ts'] });
