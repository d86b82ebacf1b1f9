#!/usr/bin/env node
// Committed shim so pnpm can link the bin before the first build; the CLI itself lives in dist.
import '../dist/cli.js';
