#!/usr/bin/env node
// A committed shim, so pnpm can link the bin before the first build; the CLI itself lives in dist.
import '../dist/cli.js';
