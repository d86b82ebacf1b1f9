// Consumers of the rehearsal's published packages: fresh projects that install them by version range with npm,
// pnpm and yarn (classic, pinned in the pnpm catalog, run from packages/pack-tests), then use them as another
// team would: Node ESM and CJS programs, TypeScript node16 and bundler, both CLIs through `npx`, and
// openapi-typescript over the installed specs bundle.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { nodeProgram, typescriptConsumer } from '../consumer-programs.mjs';
import { run, runAsync } from './workspace-copy.mjs';

const SCOPE = '@commerce-collections';
/** What the pnpm and yarn consumers install; the npm one installs every public package. */
const LIBRARIES = ['sdk', 'highlevel', 'shoplazza', 'runtime'].map((name) => `${SCOPE}/${name}`);

/** `^<major>.<minor>` of a version: the range a consumer writes. */
export const rangeOf = (version) => `^${version.split('.').slice(0, 2).join('.')}`;

/** Tools from this checkout: yarn and the pinned TypeScript and openapi-typescript versions. */
function tools() {
  const root = join(import.meta.dirname, '..', '..', '..');
  const require = createRequire(join(root, 'packages', 'pack-tests', 'package.json'));
  const rootRequire = createRequire(join(root, 'package.json'));
  return {
    yarn: require.resolve('yarn/bin/yarn.js'),
    tsc: rootRequire.resolve('typescript/bin/tsc'),
    openapiTypescript: JSON.parse(
      readFileSync(
        createRequire(join(root, 'packages', 'highlevel', 'package.json')).resolve(
          'openapi-typescript/package.json',
        ),
        'utf8',
      ),
    ).version,
  };
}

/**
 * A fresh project in `dir` whose .npmrc sends our scope to the rehearsal registry and everything else upstream.
 * `packages` maps name → range; installs with `manager` (npm, pnpm or yarn).
 */
export function createConsumer({ dir, manager, packages, registry, upstream, env }) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: `${manager}-consumer`, private: true, version: '0.0.0' }, null, 2)}\n`,
  );
  writeFileSync(join(dir, '.npmrc'), `registry=${upstream}\n${SCOPE}:registry=${registry.url}\n`);
  const specs = Object.entries(packages).map(([name, range]) => `${name}@${range}`);
  if (manager === 'npm') run(dir, 'npm', ['install', '--loglevel=error', ...specs], env);
  else if (manager === 'pnpm') run(dir, 'pnpm', ['add', '--reporter=silent', ...specs], env);
  else {
    writeFileSync(join(dir, '.yarnrc'), `registry "${upstream}"\n"${SCOPE}:registry" "${registry.url}"\n`);
    run(
      dir,
      process.execPath,
      [tools().yarn, 'add', '--silent', '--non-interactive', '--no-progress', ...specs],
      env,
    );
  }
  return dir;
}

/** The npm consumer: every public package, plus the generator another team would run over the specs. */
export function npmConsumerPackages(versions) {
  const packages = Object.fromEntries(
    Object.entries(versions).map(([name, version]) => [name, rangeOf(version)]),
  );
  return { ...packages, 'openapi-typescript': tools().openapiTypescript };
}

export function libraryPackages(versions) {
  return Object.fromEntries(LIBRARIES.map((name) => [name, rangeOf(versions[name])]));
}

/** Sandboxes and Prism mocks from the installed @commerce-collections/contract, as the pack tests start them. */
export async function startServers(consumer) {
  const contract = await import(
    pathToFileURL(join(consumer, 'node_modules', SCOPE, 'contract', 'dist', 'index.js')).href
  );
  const started = await Promise.all([
    contract.startHighLevelSandbox({ collections: 23, rateLimit: false }),
    contract.startShoplazzaSandbox({ collections: 17, rateLimit: false }),
    contract.startPrismMock({ api: 'highlevel' }),
    contract.startPrismMock({ api: 'shoplazza' }),
  ]);
  const [highlevel, shoplazza, highlevelMock, shoplazzaMock] = started;
  const ids = (dataset) => dataset.items.map((item) => item._id ?? item.collection?.id);
  return {
    context: {
      sandboxes: {
        highlevel: {
          url: highlevel.url,
          token: highlevel.token,
          locationId: highlevel.locationId,
          ids: ids(highlevel.dataset),
        },
        shoplazza: {
          url: shoplazza.url,
          token: shoplazza.token,
          shop: shoplazza.shop,
          ids: ids(shoplazza.dataset),
        },
      },
      mocks: { highlevel: highlevelMock.url, shoplazza: shoplazzaMock.url },
    },
    close: () => Promise.all(started.map((server) => server.close())),
  };
}

function expectEqual(what, actual, expected) {
  if (JSON.stringify(actual) !== JSON.stringify(expected))
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

/** Runs the ESM or CJS program in `dir` and checks what it listed against the sandboxes. */
export async function runNodeProgram(dir, kind, context, env) {
  const file = join(dir, kind === 'esm' ? 'consumer.mjs' : 'consumer.cjs');
  writeFileSync(file, nodeProgram(kind));
  const stdout = await runAsync(dir, process.execPath, [file, JSON.stringify(context)], env);
  const result = JSON.parse(stdout.trim().split('\n').at(-1));
  const { highlevel, shoplazza } = context.sandboxes;
  const expected = [
    ...highlevel.ids.map((id) => `highlevel:${id}`),
    ...shoplazza.ids.map((id) => `shoplazza:${id}`),
  ];
  expectEqual(`${kind} listing`, [...result.listed].sort(), expected.sort());
  expectEqual(`${kind} HighLevel page`, result.highlevelPage, highlevel.ids.slice(0, 5));
  expectEqual(`${kind} Shoplazza page`, result.shoplazzaPage, shoplazza.ids.slice(0, 5));
  expectEqual(`${kind} 401`, result.authError, {
    status: 401,
    isAuthentication: true,
    isBase: true,
    isRuntimeAuthentication: true,
  });
  expectEqual(`${kind} validation error`, result.validationError, { isValidation: true });
  return result.listed.length;
}

const TS_COMMON = {
  strict: true,
  noEmit: true,
  skipLibCheck: false,
  target: 'ES2022',
  lib: ['ES2022', 'DOM', 'DOM.Iterable'],
  types: [],
};

/** Type-checks the pack tests' TypeScript consumer under node16 (ESM and CJS files) and bundler resolution. */
export function typeCheck(dir, env) {
  const cases = [
    ['ts-node16', ['index.mts', 'index.cts'], { module: 'node16', moduleResolution: 'node16' }],
    ['ts-bundler', ['index.ts'], { module: 'esnext', moduleResolution: 'bundler' }],
  ];
  for (const [name, files, options] of cases) {
    const project = join(dir, name);
    mkdirSync(project, { recursive: true });
    for (const file of files) writeFileSync(join(project, file), typescriptConsumer);
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { ...TS_COMMON, ...options }, files }, null, 2),
    );
    run(project, process.execPath, [tools().tsc, '-p', 'tsconfig.json'], env);
  }
  return cases.map(([name]) => name);
}

/** Both CLIs through `npx` (bin links, shebangs, file modes), one real listing, and a mock answering a request. */
export async function runClis(dir, env) {
  const npx = (...args) => runAsync(dir, 'npx', ['--no-install', ...args], env);
  const help = await npx('commerce-collections', 'list', '--help');
  if (!help.includes('commerce-collections list')) throw new Error(`CLI --help printed:\n${help}`);
  const listed = (await npx('commerce-collections', 'list', '--mock', '--format', 'ndjson', '--max', '7'))
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  if (listed.length !== 7 || !listed.every((item) => typeof item.id === 'string'))
    throw new Error(`CLI list --mock printed ${JSON.stringify(listed).slice(0, 300)}`);
  const contractHelp = await npx('commerce-collections-contract', '--help');
  if (!contractHelp.startsWith('Usage: commerce-collections-contract'))
    throw new Error(`contract --help printed:\n${contractHelp}`);
  const answer = await mockAnswer(dir, env);
  return { listed: listed.length, mockStatus: answer.status };
}

/** `npx commerce-collections-contract mock highlevel`: reads its URL, asks one page, stops it (its whole group). */
async function mockAnswer(dir, env) {
  const child = spawn('npx', ['--no-install', 'commerce-collections-contract', 'mock', 'highlevel'], {
    cwd: dir,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const url = await new Promise((resolve, reject) => {
      let out = '';
      const timer = setTimeout(
        () => reject(new Error(`contract mock printed no URL in 60 s:\n${out}`)),
        60_000,
      );
      child.stdout.on('data', (chunk) => {
        out += chunk;
        const match = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
        if (match) {
          clearTimeout(timer);
          resolve(match[0]);
        }
      });
      child.stderr.on('data', (chunk) => {
        out += chunk;
      });
      child.once('exit', (code) => reject(new Error(`contract mock exited (${code}):\n${out}`)));
    });
    const response = await fetch(`${url}/products/collections?altId=location-1&altType=location&limit=2`, {
      headers: { Authorization: 'Bearer pit-token', Version: '2021-07-28', Accept: 'application/json' },
    });
    const body = await response.json();
    if (response.status !== 200 || !Array.isArray(body.data))
      throw new Error(`contract mock answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
    return { status: response.status };
  } finally {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid, 'SIGTERM');
      await exited;
    }
  }
}

/** Another team's generator over the installed bundle: openapi-typescript, then a type check of a use of it. */
export function generateFromSpecs(dir, env) {
  const out = join(dir, 'generated');
  mkdirSync(out, { recursive: true });
  const results = {};
  for (const api of ['highlevel', 'shoplazza']) {
    const spec = join(dir, 'node_modules', SCOPE, 'specs', 'dist', api, 'openapi.yaml');
    run(dir, 'npx', ['--no-install', 'openapi-typescript', spec, '-o', join(out, `${api}.d.ts`)], env);
    results[api] = readFileSync(join(out, `${api}.d.ts`), 'utf8');
  }
  if (
    !results.highlevel.includes('"/products/collections"') ||
    !results.shoplazza.includes('"/openapi/2022-01/collections"')
  )
    throw new Error('openapi-typescript output lacks the collections paths');
  writeFileSync(
    join(out, 'use.ts'),
    `import type { paths } from './highlevel';\n` +
      `type Page = paths['/products/collections']['get']['responses'][200]['content']['application/json'];\n` +
      `export const total = (page: Page): number => page.total;\n`,
  );
  writeFileSync(
    join(out, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { ...TS_COMMON, module: 'esnext', moduleResolution: 'bundler' },
      files: ['use.ts'],
    }),
  );
  run(out, process.execPath, [tools().tsc, '-p', 'tsconfig.json'], env);
  return Object.keys(results);
}

/** Physical copies of each of our packages in a consumer (`npm ls --all --parseable`) and their versions. */
export function installedCopies(dir, env) {
  const paths = run(dir, 'npm', ['ls', '--all', '--parseable'], env).trim().split('\n');
  const copies = {};
  for (const path of paths) {
    const match = /node_modules\/(@commerce-collections\/[^/]+)$/.exec(path);
    if (!match) continue;
    const { version } = JSON.parse(readFileSync(join(path, 'package.json'), 'utf8'));
    copies[match[1]] = [...(copies[match[1]] ?? []), version];
  }
  return copies;
}
