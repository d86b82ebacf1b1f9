import { defineWorkspaceTests } from '../../vitest.shared.ts';

// Contract tests spawn the built CLI and start sandboxes per file (they read the request logs), so there is
// no globalSetup; a listing through Shoplazza's real 2 req/s limit needs more than the default timeout.
export default defineWorkspaceTests({ contractTimeoutMs: 180_000 });
