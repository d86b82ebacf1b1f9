import { describe, expectTypeOf, it } from 'vitest';
import {
  type ContractProvidedContext,
  composeFaults,
  generateHighLevelCollections,
  type HighLevelSandbox,
  highLevelDefaultLocationId,
  onRequest,
  type PrismViolation,
  parseViolations,
  type ShoplazzaSandbox,
  startHighLevelSandbox,
  startSandbox,
  startShoplazzaSandbox,
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

describe('README fault example', () => {
  it('composes onRequest hooks with an inline hook for either sandbox', () => {
    const extra = generateHighLevelCollections({
      count: 1,
      seed: 'new',
      locationId: highLevelDefaultLocationId,
    });
    startHighLevelSandbox({
      faults: composeFaults(
        onRequest(1, { insert: extra, index: 0 }),
        onRequest(2, { resetConnection: 'mid-body' }),
        (context) => (context.url.searchParams.get('offset') === '200' ? { status: 503 } : undefined),
      ),
    });
    startShoplazzaSandbox({
      faults: composeFaults(onRequest(0, { delayMs: 10 }), (context) =>
        context.requestIndex === 1 ? { remove: context.dataset.items[0]?.collection.id ?? '' } : undefined,
      ),
    });
  });
});
