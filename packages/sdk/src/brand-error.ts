// The runtime's protocol for `instanceof` across the ESM and CJS builds (runtime/src/errors.ts): a class carries
// a registry symbol under the brand key, and its instances carry that symbol on their prototype chain.
// CommerceCollectionsError's Symbol.hasInstance reads them, so the sdk's own error classes only need the marks.
const BRAND = Symbol.for('commerce-collections.error.brand');

/** Marks an sdk error class so that copies of it from the ESM and the CJS build recognise each other's errors. */
export function brandError(target: abstract new (...args: never[]) => unknown, name: string): void {
  const symbol = Symbol.for(`commerce-collections.error.${name}`);
  Object.defineProperty(target, BRAND, { value: symbol });
  // Set explicitly rather than read from constructor.name, which minifiers rename.
  Object.defineProperty(target.prototype, 'name', { value: name, writable: true, configurable: true });
  Object.defineProperty(target.prototype, symbol, { value: true });
}
