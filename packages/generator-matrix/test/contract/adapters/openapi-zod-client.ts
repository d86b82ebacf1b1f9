import { isAxiosError } from 'axios';
import {
  createApiClient as createHighLevelClient,
  schemas as highLevelSchemas,
} from '../../../generated/openapi-zod-client/highlevel/api';
import {
  createApiClient as createShoplazzaClient,
  schemas as shoplazzaSchemas,
} from '../../../generated/openapi-zod-client/shoplazza/api';
import type { GeneratorAdapter, Outcome } from './types';

// Zodios (axios) throws an AxiosError for a non-2xx status; the body is on `error.response`.
async function settle(call: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { status: 200, body: await call() };
  } catch (error) {
    if (isAxiosError(error) && error.response)
      return { status: error.response.status, body: error.response.data };
    throw error;
  }
}

const highLevelErrorSchema: Record<number, { safeParse(value: unknown): { success: boolean } }> = {
  400: highLevelSchemas.BadRequestError,
  401: highLevelSchemas.UnauthorizedError,
  422: highLevelSchemas.UnprocessableEntityError,
};

// Both Shoplazza API versions: one spec, one client, the same recipe.
const shoplazzaRecipe = {
  baseUrl: "createApiClient('https://<shop>.myshoplazza.com') (a required argument)",
  'access-token': "createApiClient(baseUrl, { axiosConfig: { headers: { 'access-token': token } } })",
  'Content-Type': "axiosConfig: { headers: { 'Content-Type': 'application/json' } }",
};

function shoplazzaClient(baseUrl: string, token: string) {
  return createShoplazzaClient(baseUrl, {
    axiosConfig: { headers: { 'access-token': token, 'Content-Type': 'application/json' } },
  });
}

export const openapiZodClient: GeneratorAdapter = {
  generator: 'openapi-zod-client (zodios)',
  versionOf: 'openapi-zod-client',
  dir: 'openapi-zod-client',
  highlevel: {
    recipe: {
      Authorization:
        "createApiClient(baseUrl, { axiosConfig: { headers: { Authorization: 'Bearer ' + token } } })",
    },
    list: ({ baseUrl, token, query }) =>
      settle(() =>
        createHighLevelClient(baseUrl, {
          axiosConfig: { headers: { Authorization: `Bearer ${token}` } },
        }).listCollections({ queries: query, headers: { Version: '2021-07-28' } }),
      ),
    parses: (status, body) =>
      (status === 200 ? highLevelSchemas.ListCollectionsResponse : highLevelErrorSchema[status])?.safeParse(
        body,
      ).success ?? false,
  },
  shoplazza: {
    recipe: shoplazzaRecipe,
    list: ({ baseUrl, token, query }) =>
      settle(() => shoplazzaClient(baseUrl, token).listCollections({ queries: query })),
    parses: (status, body) =>
      (status === 200 ? shoplazzaSchemas.ListCollectionsResponse : shoplazzaSchemas.ShoplazzaError).safeParse(
        body,
      ).success,
  },
  shoplazza202506: {
    recipe: shoplazzaRecipe,
    list: ({ baseUrl, token, query }) =>
      settle(() => shoplazzaClient(baseUrl, token).listCollections202506({ queries: query })),
    parses: (status, body) =>
      (status === 200
        ? shoplazzaSchemas.Shoplazza202506ListCollectionsResponse
        : shoplazzaSchemas.Shoplazza202506Error
      ).safeParse(body).success,
  },
};
