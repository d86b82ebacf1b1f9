// B9 — type-check cost per call site: a consumer project with 0 and with 50 calls, `tsc --noEmit
// --extendedDiagnostics`, (instantiations(50) − instantiations(0)) / 50. Instantiation counts are deterministic:
// one run each. Compared: the facade's listPage, the HighLevel client's listCollections, and openapi-fetch's
// own createClient over the same generated `paths` (HighLevelPaths). Projects live in packages/bench/.tmp/b9/
// (git-ignored), so the workspace packages resolve from packages/bench/node_modules.
import { execFile } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { check } from '../lib/result.mjs';

export const id = 'B9';
export const title = 'Type-check cost per call site (tsc --extendedDiagnostics)';

const exec = promisify(execFile);
const root = fileURLToPath(new URL('../../.tmp/b9/', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

const VARIANTS = {
  'facade listPage': {
    setup: `import { createCollectionsClient } from '@commerce-collections/sdk';
const client = createCollectionsClient({ highlevel: { token: 't', locationId: 'l' } });`,
    call: (i) => `export async function call${i}(): Promise<string | undefined> {
  const page = await client.listPage({ provider: 'highlevel', pageSize: ${i + 1} });
  return page.items[0]?.title;
}`,
  },
  'highlevel.listCollections': {
    setup: `import { createHighLevelClient } from '@commerce-collections/highlevel';
const client = createHighLevelClient({ token: 't', locationId: 'l' });`,
    call: (i) => `export async function call${i}(): Promise<string | undefined> {
  const page = await client.listCollections({ limit: ${i + 1} });
  return page.data[0]?.name;
}`,
  },
  'openapi-fetch (createClient<HighLevelPaths>)': {
    setup: `import createClient from 'openapi-fetch';
import type { HighLevelPaths } from '@commerce-collections/highlevel';
const client = createClient<HighLevelPaths>({ baseUrl: 'https://services.leadconnectorhq.com' });`,
    call: (i) => `export async function call${i}(): Promise<string | undefined> {
  const { data } = await client.GET('/products/collections', {
    params: { query: { altId: 'l', altType: 'location', limit: ${i + 1} }, header: { Version: '2021-07-28' } },
  });
  return data?.data[0]?.name;
}`,
  },
};

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    lib: ['ES2022', 'DOM'],
    module: 'ESNext',
    moduleResolution: 'Bundler',
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
  },
  include: ['index.ts'],
};

async function instantiations(dir) {
  let out;
  try {
    out = (await exec(process.execPath, [tsc, '-p', dir, '--extendedDiagnostics'], { maxBuffer: 1 << 24 }))
      .stdout;
  } catch (error) {
    throw new Error(`tsc failed in ${dir}: ${(error.stdout || error.stderr || error.message).slice(0, 600)}`);
  }
  const field = (name) => Number(out.match(new RegExp(`^${name}:\\s+([\\d.]+)`, 'm'))?.[1]);
  return { instantiations: field('Instantiations'), checkTime: field('Check time') };
}

export async function run() {
  await rm(root, { recursive: true, force: true });
  const variants = [];
  const notes = [];
  const unavailable = [];
  for (const [name, { setup, call }] of Object.entries(VARIANTS)) {
    try {
      const counts = {};
      for (const n of [0, 50]) {
        const dir = join(root, `${name.replace(/\W+/g, '-')}-${n}`);
        await mkdir(dir, { recursive: true });
        const calls = Array.from({ length: n }, (_, i) => call(i)).join('\n');
        await writeFile(join(dir, 'index.ts'), `${setup}\nexport { client };\n${calls}\n`);
        await writeFile(join(dir, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2));
        counts[n] = await instantiations(dir);
      }
      const perCall = (counts[50].instantiations - counts[0].instantiations) / 50;
      variants.push({ name, rounds: [perCall], median: perCall });
      notes.push(
        `${name}: ${counts[0].instantiations} instantiations with 0 calls, ${counts[50].instantiations} with 50.`,
      );
    } catch (error) {
      unavailable.push({ name, unavailable: String(error?.message ?? error).split('\n')[0] });
    }
  }
  const facade = variants.find((v) => v.name === 'facade listPage');
  return {
    id,
    title,
    unit: 'instantiations/call',
    fixture: 'TypeScript 5.9 consumer, strict, moduleResolution Bundler, skipLibCheck',
    groups: [{ name: '(instantiations(50) − instantiations(0)) / 50', variants }],
    unavailable,
    notes,
    checks: [check('facade listPage, per call site', facade?.median, '<=', 100, '≤ 100')],
  };
}
