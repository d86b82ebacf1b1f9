import type { ParseArgsConfig } from 'node:util';

/**
 * Every flag the CLI accepts, in node:util parseArgs form. Tokens are deliberately absent: they are read from
 * the environment only, so they never land in shell history or `ps` output.
 */
export const optionSpec = {
  provider: { type: 'string' },
  search: { type: 'string' },
  ids: { type: 'string' },
  'updated-after': { type: 'string' },
  'updated-before': { type: 'string' },
  'product-id': { type: 'string' },
  format: { type: 'string' },
  max: { type: 'string' },
  'page-size': { type: 'string' },
  raw: { type: 'boolean' },
  mock: { type: 'boolean' },
  'highlevel-location-id': { type: 'string' },
  'shoplazza-shop': { type: 'string' },
  'highlevel-base-url': { type: 'string' },
  'shoplazza-base-url': { type: 'string' },
  'shoplazza-version': { type: 'string' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

export const optionNames = Object.keys(optionSpec);
