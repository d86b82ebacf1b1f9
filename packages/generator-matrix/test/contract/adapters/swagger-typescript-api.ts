import { Api as HighLevelApi } from '../../../generated/swagger-typescript-api/highlevel/api';
import { Api as ShoplazzaApi } from '../../../generated/swagger-typescript-api/shoplazza/api';
import type { GeneratorAdapter, Outcome } from './types';

// Its HttpClient rejects with the Response (plus `data`/`error`) for a non-2xx status.
async function settle(call: Promise<{ status: number; data: unknown; error: unknown }>): Promise<Outcome> {
  const response = await call.catch(
    (rejected: { status: number; data: unknown; error: unknown }) => rejected,
  );
  return { status: response.status, body: response.data ?? response.error };
}

// Both Shoplazza API versions: one spec, one Api class, the same recipe.
const shoplazzaRecipe = {
  baseUrl: "new Api({ baseUrl: 'https://<shop>.myshoplazza.com' }) (the default is the literal template)",
  'access-token': "new Api({ securityWorker: () => ({ headers: { 'access-token': token } }) })",
  'Content-Type': "new Api({ baseApiParams: { headers: { 'Content-Type': 'application/json' } } })",
};

function shoplazzaApi(baseUrl: string, token: string) {
  return new ShoplazzaApi({
    baseUrl,
    baseApiParams: { headers: { 'Content-Type': 'application/json' } },
    securityWorker: () => ({ headers: { 'access-token': token } }),
  });
}

export const swaggerTypescriptApi: GeneratorAdapter = {
  generator: 'swagger-typescript-api',
  versionOf: 'swagger-typescript-api',
  dir: 'swagger-typescript-api',
  highlevel: {
    recipe: {
      Version:
        "new Api({ baseApiParams: { headers: { Version: '2021-07-28' } } }) (header parameters are dropped)",
      Authorization: "new Api({ securityWorker: () => ({ headers: { Authorization: 'Bearer ' + token } }) })",
    },
    list: ({ baseUrl, token, query }) =>
      settle(
        new HighLevelApi({
          baseUrl,
          baseApiParams: { headers: { Version: '2021-07-28' } },
          securityWorker: () => ({ headers: { Authorization: `Bearer ${token}` } }),
        }).products.listCollections(query),
      ),
  },
  shoplazza: {
    recipe: shoplazzaRecipe,
    list: ({ baseUrl, token, query }) => settle(shoplazzaApi(baseUrl, token).openapi.listCollections(query)),
  },
  shoplazza202506: {
    recipe: shoplazzaRecipe,
    list: ({ baseUrl, token, query }) =>
      settle(shoplazzaApi(baseUrl, token).openapi.listCollections202506(query)),
  },
};
