import { describe, expect, it } from 'vitest';
import { type ListArgs, parseCommandLine } from '../../src/args';
import { sourceNotice } from '../../src/notice';
import { planSources, sandboxedProviders } from '../../src/plan';
import { UsageError } from '../../src/usage-error';

function args(...argv: string[]): ListArgs {
  const command = parseCommandLine(['list', ...argv]);
  if (command.kind !== 'list') throw new Error('expected list');
  return command.args;
}

const fullEnv = {
  HIGHLEVEL_TOKEN: 'hl-secret',
  HIGHLEVEL_LOCATION_ID: 'loc-env',
  SHOPLAZZA_TOKEN: 'sl-secret',
  SHOPLAZZA_SHOP: 'shop-env',
};

describe('planSources', () => {
  it('no credentials: both providers from sandboxes, and the notice says so', () => {
    const plan = planSources(args(), {});
    expect(plan).toEqual({
      highlevel: { mode: 'sandbox' },
      shoplazza: { mode: 'sandbox' },
      mockReason: 'missing-token',
    });
    expect(sandboxedProviders(plan)).toEqual(['highlevel', 'shoplazza']);
    expect(sourceNotice(plan)).toBe(
      'No credentials: HIGHLEVEL_TOKEN and SHOPLAZZA_TOKEN are not set, so this lists 240 HighLevel and 180 Shoplazza sample collections from local sandboxes (every exchange checked against the OpenAPI specs). Set them to list real collections (see --help).',
    );
  });

  it('full credentials from the environment: both real, no notice', () => {
    const plan = planSources(args(), fullEnv);
    expect(plan).toEqual({
      highlevel: { mode: 'api', token: 'hl-secret', locationId: 'loc-env' },
      shoplazza: { mode: 'api', token: 'sl-secret', shop: 'shop-env' },
    });
    expect(sourceNotice(plan)).toBeUndefined();
  });

  it('flags win over the environment for the location id and shop; base URLs pass through', () => {
    const plan = planSources(
      args(
        '--highlevel-location-id',
        'loc-flag',
        '--shoplazza-shop',
        'shop-flag',
        '--highlevel-base-url',
        'http://127.0.0.1:1',
      ),
      fullEnv,
    );
    expect(plan.highlevel).toEqual({
      mode: 'api',
      token: 'hl-secret',
      locationId: 'loc-flag',
      baseUrl: 'http://127.0.0.1:1',
    });
    expect(plan.shoplazza).toEqual({ mode: 'api', token: 'sl-secret', shop: 'shop-flag' });
  });

  it('partial credentials: the real one is used, the other is mocked and named as such', () => {
    const plan = planSources(args(), { HIGHLEVEL_TOKEN: 'hl-secret', HIGHLEVEL_LOCATION_ID: 'loc' });
    expect(plan.highlevel?.mode).toBe('api');
    expect(plan.shoplazza).toEqual({ mode: 'sandbox' });
    expect(sourceNotice(plan)).toBe(
      'HighLevel from the real API; Shoplazza MOCKED (SHOPLAZZA_TOKEN not set): 180 Shoplazza sample collections from local sandbox (every exchange checked against the OpenAPI specs).',
    );
  });

  it('--mock ignores credentials', () => {
    const plan = planSources(args('--mock', '--provider', 'shoplazza'), fullEnv);
    expect(plan).toEqual({ shoplazza: { mode: 'sandbox' }, mockReason: 'flag' });
    expect(sourceNotice(plan)).toMatch(
      /^--mock: listing 180 Shoplazza sample collections from local sandbox/,
    );
  });

  it('only the requested provider is planned', () => {
    expect(planSources(args('--provider', 'highlevel'), fullEnv)).toEqual({
      highlevel: { mode: 'api', token: 'hl-secret', locationId: 'loc-env' },
    });
  });

  it('blank variables count as unset', () => {
    expect(planSources(args('--provider', 'highlevel'), { HIGHLEVEL_TOKEN: '  ' }).highlevel).toEqual({
      mode: 'sandbox',
    });
  });

  it.each([
    [
      ['--provider', 'highlevel'],
      { HIGHLEVEL_TOKEN: 't' },
      'HIGHLEVEL_TOKEN is set but the location id is missing: set HIGHLEVEL_LOCATION_ID or pass --highlevel-location-id',
    ],
    [
      ['--provider', 'shoplazza'],
      { SHOPLAZZA_TOKEN: 't' },
      'SHOPLAZZA_TOKEN is set but the shop is missing: set SHOPLAZZA_SHOP or pass --shoplazza-shop',
    ],
    [
      ['--highlevel-base-url', 'http://127.0.0.1:1'],
      {},
      '--highlevel-base-url needs HIGHLEVEL_TOKEN in the environment',
    ],
    [
      ['--shoplazza-base-url', 'http://127.0.0.1:1'],
      {},
      '--shoplazza-base-url needs SHOPLAZZA_TOKEN in the environment',
    ],
  ])('usage error for %j with %j', (argv, env, message) => {
    expect(() => planSources(args(...argv), env)).toThrow(new UsageError(message));
  });
});
