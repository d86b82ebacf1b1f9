import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { type PackContext, publicPackages, repoRoot } from './workspace';

const run = promisify(execFile);

declare module 'vitest' {
  export interface ProvidedContext {
    pack: PackContext;
  }
}

/** Sizes of the sandbox datasets: several pages each, not a multiple of the default page size. */
const HIGHLEVEL_COLLECTIONS = 23;
const SHOPLAZZA_COLLECTIONS = 17;

/**
 * Once per run: `pnpm pack` every public package (pnpm rewrites `workspace:^` to real ranges), install all the
 * tarballs into one scratch consumer with npm (overrides point internal dependencies at the tarballs too, so
 * nothing comes from the workspace or the registry's copies of our packages), then start sandboxes and Prism
 * mocks from the installed @commerce-collections/contract.
 */
export default async function setup(project: TestProject) {
  const scratch = mkdtempSync(join(tmpdir(), 'pack-tests-'));
  const tarballDir = join(scratch, 'tarballs');
  const consumer = join(scratch, 'consumer');
  mkdirSync(tarballDir);
  mkdirSync(consumer);

  const tarballs: Record<string, string> = {};
  await Promise.all(
    publicPackages.map(async ({ name, dir }) => {
      const destination = join(tarballDir, name.replace('@commerce-collections/', ''));
      mkdirSync(destination);
      await run('pnpm', ['pack', '--pack-destination', destination], { cwd: join(repoRoot, dir) });
      const [file] = readdirSync(destination).filter((entry) => entry.endsWith('.tgz'));
      if (!file) throw new Error(`pnpm pack produced no tarball for ${name}`);
      tarballs[name] = join(destination, file);
    }),
  );

  const deps = Object.fromEntries(Object.entries(tarballs).map(([name, file]) => [name, `file:${file}`]));
  writeFileSync(
    join(consumer, 'package.json'),
    `${JSON.stringify({ name: 'pack-consumer', private: true, version: '0.0.0', dependencies: deps, overrides: deps }, null, 2)}\n`,
  );
  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: consumer,
    maxBuffer: 64 * 1024 * 1024,
  });

  // The contract package as a consumer gets it: from its tarball, with the specs tarball as its dependency.
  const contract = await import(
    pathToFileURL(join(consumer, 'node_modules', '@commerce-collections', 'contract', 'dist', 'index.js'))
      .href
  );
  const highlevel = await contract.startHighLevelSandbox({
    collections: HIGHLEVEL_COLLECTIONS,
    rateLimit: false,
  });
  const shoplazza = await contract.startShoplazzaSandbox({
    collections: SHOPLAZZA_COLLECTIONS,
    rateLimit: false,
  });
  const highlevelMock = await contract.startPrismMock({ api: 'highlevel' });
  const shoplazzaMock = await contract.startPrismMock({ api: 'shoplazza' });

  // Datasets hold the items in API order: HighLevel collections, and Shoplazza records wrapping a collection.
  type Item = { _id?: string; collection?: { id: string } };
  const idsOf = (dataset: { items: readonly Item[] }) =>
    dataset.items.map((item) => {
      const id = item._id ?? item.collection?.id;
      if (!id) throw new Error(`sandbox item without an id: ${JSON.stringify(item).slice(0, 200)}`);
      return id;
    });
  project.provide('pack', {
    scratch,
    consumer,
    tarballs,
    sandboxes: {
      highlevel: {
        url: highlevel.url,
        token: highlevel.token,
        locationId: highlevel.locationId,
        ids: idsOf(highlevel.dataset),
      },
      shoplazza: {
        url: shoplazza.url,
        token: shoplazza.token,
        shop: shoplazza.shop,
        ids: idsOf(shoplazza.dataset),
      },
    },
    mocks: { highlevel: highlevelMock.url, shoplazza: shoplazzaMock.url },
  });

  return async () => {
    await Promise.all([highlevel.close(), shoplazza.close(), highlevelMock.close(), shoplazzaMock.close()]);
    rmSync(scratch, { recursive: true, force: true });
  };
}
