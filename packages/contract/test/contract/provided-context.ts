import type { ContractProvidedContext } from '../../src/prism/global-setup';

// Makes inject('highlevelMockUrl') & co. typed, exactly as the README tells consumers to do.
declare module 'vitest' {
  // biome-ignore lint/suspicious/noEmptyInterface: module augmentation merges the keys in.
  interface ProvidedContext extends ContractProvidedContext {}
}
