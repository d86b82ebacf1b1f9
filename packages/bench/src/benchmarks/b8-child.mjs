// B8's measuring child (a fresh process per sample): times the dynamic import of one library, then its first
// and second client creation. argv: <variant>. Prints { importMs, createMs, secondCreateMs }.
const TOKEN = 'sandbox-token';
const LOCATION = '6578278e879ad2646715ba9c';
const VARIANTS = {
  facade: [
    '@commerce-collections/sdk',
    (m) =>
      m.createCollectionsClient({
        highlevel: { token: TOKEN, locationId: LOCATION },
        shoplazza: { token: TOKEN, shop: 'bench-shop' },
      }),
  ],
  highlevel: [
    '@commerce-collections/highlevel',
    (m) => m.createHighLevelClient({ token: TOKEN, locationId: LOCATION }),
  ],
  'openapi-fetch': ['openapi-fetch', (m) => m.default({ baseUrl: 'https://services.leadconnectorhq.com' })],
  // Informative: the facade's built dist and its dependencies pre-bundled into one file (B8_ONE_FILE, by path), to
  // separate Node's per-module loading and package resolution from parsing and running the code itself.
  'facade-one-file': [
    process.env.B8_ONE_FILE,
    (m) =>
      m.createCollectionsClient({
        highlevel: { token: TOKEN, locationId: LOCATION },
        shoplazza: { token: TOKEN, shop: 'bench-shop' },
      }),
  ],
  official: [
    '@gohighlevel/api-client',
    (m) => new m.HighLevel({ privateIntegrationToken: TOKEN, logLevel: 'error' }),
  ],
};
// `<variant>+fetch-loaded`: Node 20 loads its fetch implementation (undici) lazily, on the first touch of
// globalThis.fetch/Request/Headers/Response; touching it before the timed creation separates that one-off cost
// (whoever pays it) from the library's own.
const [key, preload] = process.argv[2].split('+');
const [specifier, create] = VARIANTS[key];
const t0 = performance.now();
const module = await import(specifier);
if (preload) globalThis.Request;
const t1 = performance.now();
create(module);
const t2 = performance.now();
create(module);
const t3 = performance.now();
process.stdout.write(JSON.stringify({ importMs: t1 - t0, createMs: t2 - t1, secondCreateMs: t3 - t2 }));
