import createClient from 'openapi-fetch';
import type { paths as HighLevelPaths } from '../../../generated/openapi-typescript/highlevel/openapi';
import type { paths as ShoplazzaPaths } from '../../../generated/openapi-typescript/shoplazza/openapi';
import type { GeneratorAdapter } from './types';

// Both Shoplazza API versions: one spec, one client, the same recipe.
const shoplazzaRecipe = {
  baseUrl: "createClient({ baseUrl: 'https://<shop>.myshoplazza.com' }) (the spec's server is a template)",
  'access-token': "createClient({ headers: { 'access-token': token } })",
  'Content-Type':
    "createClient({ headers: { 'Content-Type': 'application/json' } }) (sent only with a body otherwise)",
};

function shoplazzaClient(baseUrl: string, token: string) {
  return createClient<ShoplazzaPaths>({
    baseUrl,
    headers: { 'access-token': token, 'Content-Type': 'application/json' },
  });
}

export const openapiTypescript: GeneratorAdapter = {
  generator: 'openapi-typescript + openapi-fetch',
  versionOf: 'openapi-typescript',
  dir: 'openapi-typescript',
  highlevel: {
    recipe: {
      Authorization:
        "createClient({ headers: { Authorization: 'Bearer ' + token } }) (openapi-fetch has no auth option)",
    },
    async list({ baseUrl, token, query }) {
      const client = createClient<HighLevelPaths>({ baseUrl, headers: { Authorization: `Bearer ${token}` } });
      const { data, error, response } = await client.GET('/products/collections', {
        params: { query, header: { Version: '2021-07-28' } },
      });
      return { status: response.status, body: data ?? error };
    },
  },
  shoplazza: {
    recipe: shoplazzaRecipe,
    async list({ baseUrl, token, query }) {
      const client = shoplazzaClient(baseUrl, token);
      const { data, error, response } = await client.GET('/openapi/2022-01/collections', {
        params: { query },
      });
      return { status: response.status, body: data ?? error };
    },
  },
  shoplazza202506: {
    recipe: shoplazzaRecipe,
    async list({ baseUrl, token, query }) {
      const client = shoplazzaClient(baseUrl, token);
      const { data, error, response } = await client.GET('/openapi/2025-06/collections', {
        params: { query },
      });
      return { status: response.status, body: data ?? error };
    },
  },
};
