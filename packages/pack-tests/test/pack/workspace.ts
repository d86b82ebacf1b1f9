import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publishedPackages } from '../../../../scripts/lib/release.mjs';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');

/** Every public workspace package (non-private `packages/*` plus `specs`): the set a release publishes. */
export const publicPackages: { name: string; dir: string }[] = publishedPackages(repoRoot);

/**
 * Command-line tools run from their installed tarballs. Adding a package's bin is one entry here.
 * `run` gets the mock servers' URLs and returns the arguments plus a check of the output.
 */
export interface BinCase {
  pkg: string;
  bin: string;
  title: string;
  args: (env: PackContext) => string[];
  expect: (stdout: string, env: PackContext) => void;
}

/** What global-setup provides to the tests (vitest `inject('pack')`). */
export interface PackContext {
  scratch: string;
  /** The consumer project every tarball is installed into (node_modules from tarballs only). */
  consumer: string;
  /** Package name → absolute tarball path. */
  tarballs: Record<string, string>;
  /** Stateful sandboxes from the packed @commerce-collections/contract. */
  sandboxes: {
    highlevel: { url: string; token: string; locationId: string; ids: string[] };
    shoplazza: { url: string; token: string; shop: string; ids: string[] };
  };
  /** Prism mocks (from the packed contract and specs), for error statuses chosen with `Prefer: code=`. */
  mocks: { highlevel: string; shoplazza: string };
}
