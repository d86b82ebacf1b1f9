import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mergeConfig } from 'vitest/config';
import { defineWorkspaceTests } from '../../vitest.shared';

// TEMPORARY until @commerce-collections/shoplazza is built: resolve it to a stand-in.
const shoplazzaBuilt = existsSync(fileURLToPath(new URL('../shoplazza/dist/index.js', import.meta.url)));
const fallback = fileURLToPath(new URL('./test/support/shoplazza-fallback.ts', import.meta.url));

export default mergeConfig(
  defineWorkspaceTests({ contractSetup: ['./test/contract/global-setup.ts'] }),
  shoplazzaBuilt ? {} : { resolve: { alias: { '@commerce-collections/shoplazza': fallback } } },
);
