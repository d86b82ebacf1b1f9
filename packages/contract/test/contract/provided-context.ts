import type { ContractProvidedContext } from '../../src/prism/global-setup';

// Makes inject('highlevelMockUrl') & co. typed, exactly as the README tells consumers to do.
declare module 'vitest' {
  interface ProvidedContext extends ContractProvidedContext {}
}
