#!/usr/bin/env node
// Run by `pnpm release` between the build and `changeset publish` (so by the release workflow too): fails, and
// publishes nothing, when a package to publish is not built, leaves out a file its manifest names, or takes a
// version the registry already has. See scripts/lib/verify-release.mjs.
//
// Usage: node scripts/verify-release.mjs [repository] (default: this repository). The registry is npm's
// configured one (npm_config_registry / .npmrc).
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ReleaseVerificationError, verifyRelease } from './lib/verify-release.mjs';

const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
try {
  const { publish, released } = verifyRelease(root);
  const list = (items) => items.map(({ name, version }) => `${name}@${version}`).join(', ') || 'none';
  console.log(
    `Release verification passed.\n  to publish: ${list(publish)}\n  already released: ${list(released)}`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(error instanceof ReleaseVerificationError ? error.exitCode : 1);
}
