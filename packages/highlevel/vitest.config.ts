import { defineWorkspaceTests } from '../../vitest.shared.ts';

export default defineWorkspaceTests({ contractSetup: ['./test/contract/global-setup.ts'] });
