import { describe, expectTypeOf, it } from 'vitest';
import {
  type ContractProvidedContext,
  type HighLevelSandbox,
  onRequest,
  type PrismViolation,
  parseViolations,
  type ShoplazzaSandbox,
  startSandbox,
  startValidatedSandbox,
} from '../../src/index';

describe('public types', () => {
  it('types sandboxes and their options by provider', () => {
    expectTypeOf(startSandbox('highlevel')).resolves.toEqualTypeOf<HighLevelSandbox>();
    expectTypeOf(
      startSandbox('shoplazza', { shop: 'x', inactive: true }),
    ).resolves.toEqualTypeOf<ShoplazzaSandbox>();
    // @ts-expect-error -- `shop` is a Shoplazza option only.
    startSandbox('highlevel', { shop: 'x' });
    // @ts-expect-error -- unknown provider.
    startSandbox('magento');
  });

  it('lets onRequest fit either sandbox without type arguments', () => {
    startValidatedSandbox('shoplazza', {
      faults: onRequest(0, { status: 500, body: { errors: ['No context'] } }),
    });
    startValidatedSandbox('highlevel', { faults: onRequest(2, { resetConnection: 'mid-body' }) });
    startValidatedSandbox('highlevel', {
      // @ts-expect-error -- not a fault action.
      faults: onRequest(2, { explode: true }),
    });
  });

  it('types the dataset seen by fault hooks', () => {
    startSandbox('highlevel', {
      faults: (context) => {
        expectTypeOf(context.dataset.items[0]?._id).toEqualTypeOf<string | undefined>();
        return { remove: context.dataset.items[0]?._id ?? '' };
      },
    });
  });

  it('exposes violations and provided-context keys', () => {
    expectTypeOf(parseViolations).returns.toEqualTypeOf<PrismViolation[]>();
    expectTypeOf<ContractProvidedContext['highlevelSandboxUrl']>().toEqualTypeOf<string>();
  });
});
