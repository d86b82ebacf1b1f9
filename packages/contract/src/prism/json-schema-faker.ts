import { createRequire } from 'node:module';

interface JsonSchemaFaker {
  JSONSchemaFaker: { option(name: string, value: unknown): void };
}

/**
 * Prism's dynamic mocks use json-schema-faker's module-level options, and Prism exposes no setting for
 * `fillProperties` outside its CLI flag. Load the very instance prism-http uses (resolved from
 * prism-http's own location, so it is the same module object) and set the option there.
 */
export function setFillProperties(enabled: boolean): void {
  const fromPrism = createRequire(createRequire(import.meta.url).resolve('@stoplight/prism-http'));
  (fromPrism('json-schema-faker') as JsonSchemaFaker).JSONSchemaFaker.option('fillProperties', enabled);
}
