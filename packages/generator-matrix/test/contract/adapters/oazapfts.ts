import * as highLevel from '../../../generated/oazapfts/highlevel/api';
import * as shoplazza from '../../../generated/oazapfts/shoplazza/api';
import type { GeneratorAdapter } from './types';

// Both Shoplazza API versions: one spec, one module, the same recipe and request options.
const shoplazzaRecipe = {
  baseUrl:
    'defaults.baseUrl = servers.aShoplazzaStoresAdminOpenApiHost({ shop, domain }) (the default https://<shop>.myshoplazza.com is a placeholder)',
  'access-token': "defaults.headers = { 'access-token': token }",
  'Content-Type': "defaults.headers = { 'Content-Type': 'application/json' }",
};

const shoplazzaOptions = (baseUrl: string, token: string) => ({
  baseUrl,
  headers: { 'access-token': token, 'Content-Type': 'application/json' },
});

export const oazapfts: GeneratorAdapter = {
  generator: 'oazapfts (+ @oazapfts/runtime)',
  versionOf: 'oazapfts',
  dir: 'oazapfts',
  highlevel: {
    recipe: {
      Authorization:
        "listCollections(…, { headers: { Authorization: 'Bearer ' + token } }) or defaults.headers",
    },
    async list({ baseUrl, token, query }) {
      const { altId, altType, limit, offset, collectionIds, name } = query;
      const { status, data } = await highLevel.listCollections(
        '2021-07-28',
        altId,
        altType,
        { limit, offset, collectionIds, name },
        { baseUrl, headers: { Authorization: `Bearer ${token}` } },
      );
      return { status, body: data };
    },
  },
  shoplazza: {
    recipe: shoplazzaRecipe,
    async list({ baseUrl, token, query }) {
      const { updated_at_min, updated_at_max, product_id, ...rest } = query;
      const { status, data } = await shoplazza.listCollections(
        { ...rest, updatedAtMin: updated_at_min, updatedAtMax: updated_at_max, productId: product_id },
        shoplazzaOptions(baseUrl, token),
      );
      return { status, body: data };
    },
  },
  shoplazza202506: {
    recipe: shoplazzaRecipe,
    async list({ baseUrl, token, query }) {
      const { page_size, updated_at_min, updated_at_max, product_id, ...rest } = query;
      const { status, data } = await shoplazza.listCollections202506(
        {
          ...rest,
          pageSize: page_size,
          updatedAtMin: updated_at_min,
          updatedAtMax: updated_at_max,
          productId: product_id,
        },
        shoplazzaOptions(baseUrl, token),
      );
      return { status, body: data };
    },
  },
};
