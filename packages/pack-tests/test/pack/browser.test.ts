import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { browserEntry } from './consumers';

const CHROMIUM = '/usr/bin/chromium';
// Flags from the toolchain notes: running as root needs --no-sandbox; the rest keep Chromium off the network.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const apis = ['highlevel', 'shoplazza'] as const;

type Closable = { close(): Promise<void> | void };

/**
 * A Prism mock with CORS on, from the @commerce-collections/contract installed from its tarball, serving the
 * bundle from the installed @commerce-collections/specs tarball.
 */
async function startCorsMock(consumer: string, api: (typeof apis)[number]) {
  const installed = join(consumer, 'node_modules', '@commerce-collections');
  const contract = await import(pathToFileURL(join(installed, 'contract', 'dist', 'index.js')).href);
  const mock: { url: string; close(): Promise<void> } = await contract.startPrismMock({ api, cors: true });
  const spec = JSON.parse(
    readFileSync(join(installed, 'specs', 'dist', api, 'openapi.json'), 'utf8'),
  ) as Spec;
  return { url: mock.url, spec, close: () => mock.close() };
}

type Spec = { paths: Record<string, { get: { responses: Record<string, unknown> } }> };

/** The ids of the first named example of the 200 response: what a static Prism mock answers. */
function exampleIds(spec: Spec) {
  const [operation] = Object.values(spec.paths);
  const ok = operation!.get.responses['200'] as {
    content: Record<
      string,
      { examples: Record<string, { value: Record<string, { _id?: string; id?: string }[]> }> }
    >;
  };
  const [example] = Object.values(ok.content['application/json']!.examples);
  const [items] = Object.values(example!.value).filter(Array.isArray);
  return items!.map((item) => String(item._id ?? item.id));
}

describe('browser consumer (esbuild bundle of the installed facade, headless Chromium)', () => {
  const closers: Closable[] = [];
  let browser: Browser | undefined;
  let page = '';
  const mocks: Record<string, { url: string; spec: Spec }> = {};

  beforeAll(async () => {
    const { consumer } = inject('pack');
    for (const api of apis) {
      const mock = await startCorsMock(consumer, api);
      closers.push(mock);
      mocks[api] = mock;
    }
    const bundle = await build({
      stdin: { contents: browserEntry, resolveDir: consumer, sourcefile: 'entry.js' },
      bundle: true,
      platform: 'browser',
      format: 'esm',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
    });
    const script = bundle.outputFiles[0]!.text;
    const html =
      '<!doctype html><meta charset="utf-8"><title>pack test</title><script type="module" src="/bundle.js"></script>';
    const server: Server = createServer((request, response) => {
      const js = request.url === '/bundle.js';
      response.writeHead(200, { 'content-type': js ? 'text/javascript' : 'text/html' });
      response.end(js ? script : html);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closers.push({ close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
    page = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all(closers.map((closer) => closer.close()));
  });

  it('the bundle needs no Node built-ins and the mocks answer the CORS preflight for our custom headers', async () => {
    const origin = new URL(page).origin;
    const cases = [
      { api: 'highlevel', path: '/products/collections', headers: 'authorization,version,prefer' },
      { api: 'shoplazza', path: '/openapi/2022-01/collections', headers: 'access-token,content-type,prefer' },
    ];
    for (const { api, path, headers } of cases) {
      const response = await fetch(`${mocks[api]!.url}${path}`, {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'GET',
          'Access-Control-Request-Headers': headers,
        },
      });
      expect(response.status).toBeLessThan(300);
      expect([origin, '*']).toContain(response.headers.get('access-control-allow-origin'));
      const allowed = (response.headers.get('access-control-allow-headers') ?? '').toLowerCase();
      for (const header of headers.split(',')) expect(allowed === '*' || allowed.includes(header)).toBe(true);
    }
  });

  it('lists collections from both Prism mocks over loopback, cross-origin, with typed errors', async () => {
    expect(
      existsSync(CHROMIUM),
      `Chromium is missing at ${CHROMIUM}: install it with \`apt-get update && apt-get install -y chromium\``,
    ).toBe(true);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    const tab = await browser.newPage();
    const errors: string[] = [];
    tab.on('pageerror', (error) => errors.push(String(error)));
    await tab.goto(page);
    await tab.waitForFunction(() => 'runListing' in window);
    const result = await tab.evaluate(
      (urls) => (window as unknown as { runListing(urls: unknown): Promise<unknown> }).runListing(urls),
      { highlevel: mocks.highlevel!.url, shoplazza: mocks.shoplazza!.url },
    );
    expect(errors).toEqual([]);
    expect(result).toEqual({
      highlevel: exampleIds(mocks.highlevel!.spec),
      shoplazza: exampleIds(mocks.shoplazza!.spec),
      authError: { isAuthentication: true, status: 401 },
    });
  });
});
