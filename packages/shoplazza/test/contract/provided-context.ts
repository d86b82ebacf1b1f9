import type { ContractProvidedContext } from '@commerce-collections/contract';

// Makes inject('shoplazzaMockUrl') & co. typed.
declare module 'vitest' {
  interface ProvidedContext extends ContractProvidedContext {}
}
