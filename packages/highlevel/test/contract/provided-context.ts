import type { ContractProvidedContext } from '@commerce-collections/contract';

// Makes inject('highlevelMockUrl') & co. typed.
declare module 'vitest' {
  interface ProvidedContext extends ContractProvidedContext {}
}
