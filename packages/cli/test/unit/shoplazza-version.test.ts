import { describe, expect, it } from 'vitest';
import { type ListArgs, parseCommandLine } from '../../src/args';
import { createClientForPlan } from '../../src/client';
import { helpText } from '../../src/help';
import { planSources } from '../../src/plan';
import { UsageError } from '../../src/usage-error';

function args(...argv: string[]): ListArgs {
  const command = parseCommandLine(['list', ...argv]);
  if (command.kind !== 'list') throw new Error('expected list');
  return command.args;
}

const noSandboxes = { close: async () => {} };
const env = { SHOPLAZZA_TOKEN: 'sl-secret', SHOPLAZZA_SHOP: 'shop-env' };

describe('choosing the Shoplazza API version', () => {
  it('defaults to the client default (nothing set, nothing passed)', () => {
    expect(planSources(args('--provider', 'shoplazza'), env).shoplazzaVersion).toBeUndefined();
    expect(planSources(args(), { ...env, SHOPLAZZA_API_VERSION: ' ' }).shoplazzaVersion).toBeUndefined();
  });

  it('reads SHOPLAZZA_API_VERSION, and --shoplazza-version wins over it', () => {
    expect(planSources(args(), { ...env, SHOPLAZZA_API_VERSION: '2025-06' }).shoplazzaVersion).toBe(
      '2025-06',
    );
    const both = planSources(args('--shoplazza-version', '2022-01'), {
      ...env,
      SHOPLAZZA_API_VERSION: '2025-06',
    });
    expect(both.shoplazzaVersion).toBe('2022-01');
    expect(planSources(args('--mock', '--shoplazza-version', '2025-06'), {}).shoplazzaVersion).toBe(
      '2025-06',
    );
  });

  it.each([['2025-6'], ['latest'], ['']])('refuses --shoplazza-version %j, naming the flag', (value) => {
    expect(() => args('--shoplazza-version', value)).toThrow(UsageError);
    expect(() => args('--shoplazza-version', value)).toThrow(
      /--shoplazza-version must be 2022-01 or 2025-06/,
    );
  });

  it('refuses a bad SHOPLAZZA_API_VERSION, naming the variable', () => {
    expect(() => planSources(args(), { ...env, SHOPLAZZA_API_VERSION: '2024-01' })).toThrow(
      /SHOPLAZZA_API_VERSION must be 2022-01 or 2025-06 \(got "2024-01"\)/,
    );
  });

  it('hands the version to the Shoplazza client', () => {
    const plan = planSources(args('--provider', 'shoplazza', '--shoplazza-version', '2025-06'), env);
    const client = createClientForPlan(plan, noSandboxes, {});
    expect(client.shoplazza?.apiVersion).toBe('2025-06');
    const defaulted = createClientForPlan(planSources(args('--provider', 'shoplazza'), env), noSandboxes, {});
    expect(defaulted.shoplazza?.apiVersion).toBe('2022-01');
  });

  it('--help describes the flag and the variable', () => {
    expect(helpText()).toContain('--shoplazza-version <version>');
    expect(helpText()).toContain(
      'SHOPLAZZA_API_VERSION         Shoplazza API version: 2022-01 (default) or 2025-06',
    );
  });
});
