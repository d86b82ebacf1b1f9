// The consumer programs written into scratch consumer projects, shared by the pack tests (tarballs installed by
// path) and the release rehearsal (packages installed by version from a loopback registry). They use the packages
// the way a user does: by their public names, resolved from node_modules. The facade (`createCollectionsClient`
// from @commerce-collections/sdk) lists both providers; the provider packages and the error classes are
// imported directly too, so every public entry point is exercised. Plain JavaScript: scripts/ runs on Node 20
// without a TypeScript loader.

/**
 * Node program (ESM or CJS). Reads `{ sandboxes, mocks }` (a PackContext) as JSON from argv[2], prints one JSON
 * line.
 * @param {'esm' | 'cjs'} kind
 * @returns {string}
 */
export function nodeProgram(kind) {
  const imports =
    kind === 'esm'
      ? `import { AuthenticationError, CommerceCollectionsError, ValidationError, createCollectionsClient } from '@commerce-collections/sdk';
import { createHighLevelClient } from '@commerce-collections/highlevel';
import { createShoplazzaClient } from '@commerce-collections/shoplazza';
import * as runtime from '@commerce-collections/runtime';
import * as runtimeErrors from '@commerce-collections/runtime/errors';`
      : `const { AuthenticationError, CommerceCollectionsError, ValidationError, createCollectionsClient } = require('@commerce-collections/sdk');
const { createHighLevelClient } = require('@commerce-collections/highlevel');
const { createShoplazzaClient } = require('@commerce-collections/shoplazza');
const runtime = require('@commerce-collections/runtime');
const runtimeErrors = require('@commerce-collections/runtime/errors');`;
  const body = `
const env = JSON.parse(process.argv[2]);
const { highlevel, shoplazza } = env.sandboxes;
const client = createCollectionsClient({
  highlevel: { token: highlevel.token, locationId: highlevel.locationId, baseUrl: highlevel.url },
  shoplazza: { token: shoplazza.token, shop: shoplazza.shop, baseUrl: shoplazza.url },
  retry: false,
});
const listed = [];
for await (const collection of client.list()) listed.push(collection.provider + ':' + collection.id);

// The provider clients on their own, one page each.
const highlevelPage = await createHighLevelClient({
  token: highlevel.token, locationId: highlevel.locationId, baseUrl: highlevel.url, retry: false,
}).listCollections({ limit: 5 });
const shoplazzaPage = await createShoplazzaClient({
  token: shoplazza.token, shop: shoplazza.shop, baseUrl: shoplazza.url, retry: false,
}).listCollections({ limit: 5 });

// A 401 chosen from the Prism mock with \`Prefer: code=401\` (through the public \`fetch\` option): the error
// class must survive packaging, for the facade's re-export and for the runtime's own class alike.
const preferring = (code) => (input, init) => {
  const request = new Request(input, init);
  request.headers.set('Prefer', 'code=' + code);
  return fetch(request);
};
let authError;
try {
  await createCollectionsClient({
    highlevel: { token: 'pit-token', locationId: 'location-1', baseUrl: env.mocks.highlevel, fetch: preferring(401) },
    retry: false,
  }).highlevel.listCollections();
} catch (error) {
  authError = error;
}
let validationError;
try {
  createCollectionsClient({});
} catch (error) {
  validationError = error;
}
console.log(JSON.stringify({
  listed,
  highlevelPage: highlevelPage.data.map((collection) => collection._id),
  shoplazzaPage: shoplazzaPage.collections.map((collection) => collection.id),
  authError: {
    status: authError?.status,
    isAuthentication: authError instanceof AuthenticationError,
    isBase: authError instanceof CommerceCollectionsError,
    isRuntimeAuthentication: authError instanceof runtime.AuthenticationError,
  },
  validationError: { isValidation: validationError instanceof ValidationError },
  errorsSubpath: {
    isAuthentication: authError instanceof runtimeErrors.AuthenticationError,
    isSameClass: runtimeErrors.ValidationError === runtime.ValidationError,
  },
}));
`;
  return kind === 'esm'
    ? `${imports}\n${body}`
    : `${imports}\n(async () => {${body}})().catch((error) => {
  console.error(error);
  process.exit(1);
});\n`;
}

/**
 * TypeScript consumer, type-checked only (the Node programs run the same calls). Every `@ts-expect-error` line
 * fails the check if the published declarations lose a type (become `any` or too loose).
 */
export const typescriptConsumer = `import {
  AuthenticationError,
  type Collection,
  CommerceCollectionsError,
  createCollectionsClient,
  RateLimitError,
  ValidationError,
} from '@commerce-collections/sdk';
import { createHighLevelClient, type HighLevelCollectionsPage } from '@commerce-collections/highlevel';
import { createShoplazzaClient } from '@commerce-collections/shoplazza';

export async function main(): Promise<string[]> {
  const client = createCollectionsClient({
    highlevel: { token: 'pit-token', locationId: 'location-1' },
    shoplazza: { token: 'shop-token', shop: 'example-shop' },
  });
  const ids: string[] = [];
  for await (const collection of client.list()) {
    const typed: Collection = collection;
    const provider: 'highlevel' | 'shoplazza' = typed.provider;
    ids.push(provider + ':' + typed.id);
  }
  const highlevel = createHighLevelClient({ token: 'pit-token', locationId: 'location-1' });
  const page: HighLevelCollectionsPage = await highlevel.listCollections({ limit: 5, offset: 5 });
  const firstId: string | undefined = page.data[0]?._id;
  const total: number = page.total;
  const shoplazza = createShoplazzaClient({ token: 'shop-token', shop: 'example-shop' });
  const shoplazzaPage = await shoplazza.listCollections({ page: 2, limit: 5 });
  const shoplazzaId: string | undefined = shoplazzaPage.collections[0]?.id;

  // @ts-expect-error limit is a number
  await highlevel.listCollections({ limit: '5' });
  // @ts-expect-error locationId is required
  createHighLevelClient({ token: 'pit-token' });
  // @ts-expect-error unknown option
  createCollectionsClient({ highlevel: { token: 't', locationId: 'l' }, nope: true });

  try {
    await highlevel.listCollections();
  } catch (error) {
    if (error instanceof AuthenticationError) {
      const status: number = error.status;
      ids.push(String(status));
    } else if (error instanceof RateLimitError || error instanceof ValidationError) {
      ids.push(error.name);
    } else if (error instanceof CommerceCollectionsError) {
      const status: number | undefined = error.status;
      ids.push(String(status));
    }
  }
  return [...ids, String(firstId), String(total), String(shoplazzaId)];
}
`;

/** Browser entry, bundled by esbuild. Lists one page per provider from the Prism mocks given to `run`. */
export const browserEntry = `import { AuthenticationError, createCollectionsClient } from '@commerce-collections/sdk';

window.runListing = async (mocks) => {
  const client = createCollectionsClient({
    highlevel: { token: 'pit-token', locationId: 'location-1', baseUrl: mocks.highlevel },
    shoplazza: { token: 'shop-token', shop: 'example-shop', baseUrl: mocks.shoplazza },
    retry: false,
  });
  const highlevelPage = await client.highlevel.listCollections({ limit: 2 });
  const shoplazzaPage = await client.shoplazza.listCollections({ limit: 2 });
  // A 401 chosen with Prism's \`Prefer\` header: one more custom header through the CORS preflight, and the
  // error class must work from the bundle.
  const preferring401 = (input, init) => {
    const request = new Request(input, init);
    request.headers.set('Prefer', 'code=401');
    return fetch(request);
  };
  let authError;
  try {
    await createCollectionsClient({
      shoplazza: { token: 'shop-token', shop: 'example-shop', baseUrl: mocks.shoplazza, fetch: preferring401 },
      retry: false,
    }).shoplazza.listCollections();
  } catch (error) {
    authError = error;
  }
  return {
    highlevel: highlevelPage.data.map((collection) => collection._id),
    shoplazza: shoplazzaPage.collections.map((collection) => collection.id),
    authError: { isAuthentication: authError instanceof AuthenticationError, status: authError?.status },
  };
};
`;
