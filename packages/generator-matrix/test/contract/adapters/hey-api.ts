import { createClient as createHighLevelClient } from '../../../generated/hey-api/highlevel/client';
import { listCollections as listHighLevel } from '../../../generated/hey-api/highlevel/sdk.gen';
import { createClient as createShoplazzaClient } from '../../../generated/hey-api/shoplazza/client';
import {
  listCollections as listShoplazza,
  listCollections202506 as listShoplazza202506,
} from '../../../generated/hey-api/shoplazza/sdk.gen';
import type { GeneratorAdapter } from './types';

// Both Shoplazza API versions: one spec, one client, the same recipe.
const shoplazzaRecipe = {
  baseUrl:
    "createClient({ baseUrl: 'https://<shop>.myshoplazza.com' }) (the default is the literal template)",
  'Content-Type':
    "client.interceptors.request.use((request) => { request.headers.set('Content-Type', 'application/json'); return request; }) (it deletes a configured Content-Type when there is no body)",
};

function shoplazzaClient(baseUrl: string, token: string) {
  const client = createShoplazzaClient({ baseUrl, auth: token });
  // A Content-Type in `headers` is deleted before sending when there is no body: set it on the Request.
  client.interceptors.request.use((request) => {
    request.headers.set('Content-Type', 'application/json');
    return request;
  });
  return client;
}

export const heyApi: GeneratorAdapter = {
  generator: '@hey-api/openapi-ts (client-fetch)',
  versionOf: '@hey-api/openapi-ts',
  dir: 'hey-api',
  highlevel: {
    recipe: {},
    async list({ baseUrl, token, query }) {
      const client = createHighLevelClient({ baseUrl, auth: token });
      const result = await listHighLevel({ client, query, headers: { Version: '2021-07-28' } });
      return { status: result.response.status, body: result.data ?? result.error };
    },
  },
  shoplazza: {
    recipe: shoplazzaRecipe,
    async list({ baseUrl, token, query }) {
      const result = await listShoplazza({ client: shoplazzaClient(baseUrl, token), query });
      return { status: result.response.status, body: result.data ?? result.error };
    },
  },
  shoplazza202506: {
    recipe: shoplazzaRecipe,
    async list({ baseUrl, token, query }) {
      const result = await listShoplazza202506({ client: shoplazzaClient(baseUrl, token), query });
      return { status: result.response.status, body: result.data ?? result.error };
    },
  },
};
