import { createContractGlobalSetup } from '../../src/prism/global-setup';

// One Prism mock per spec for the whole contract run; sandboxes that tests inspect are started per test.
export default createContractGlobalSetup({
  mocks: [
    { api: 'highlevel', errors: true },
    { api: 'shoplazza', errors: true },
  ],
  sandboxes: { highlevel: { rateLimit: false }, shoplazza: { rateLimit: false } },
});
