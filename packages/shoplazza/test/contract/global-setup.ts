import { createContractGlobalSetup } from '@commerce-collections/contract';

// One Prism mock (examples; `errors` on, so an invalid request or a response that breaks the spec turns into
// an error) and one sandbox behind a validating Prism proxy, shared by the whole contract run. The dynamic
// mocks of the seeded sweep are started by that file instead: see seeded-sweep.test.ts.
export default createContractGlobalSetup({
  mocks: [{ api: 'shoplazza', errors: true }],
  sandboxes: { shoplazza: {} },
});
