import { defineConfig } from 'tsdown';
import base from '../../tsdown.base';

// Two builds, so that a cold import of a client or the facade loads one runtime module (docs/toolchain-notes.md):
// - `dist/internal.*` holds all the code, openapi-fetch's included (bundled: one module fewer to load; its
//   licence is in THIRD_PARTY_NOTICES.md, and it stays a dependency for the types);
// - the root and `/errors` are thin re-exports of it. In one build, rolldown would move the code into a hashed
//   chunk and leave every entry a facade over it: two more modules.
const sibling = /^\.\/(internal|errors-entry)$/;

export default defineConfig([
  { ...base, entry: ['src/internal.ts'], noExternal: ['openapi-fetch'] },
  {
    ...base,
    entry: ['src/index.ts', 'src/errors-entry.ts'],
    inputOptions: (options, format) => ({
      ...options,
      plugins: [
        {
          name: 'siblings-stay-external', // ahead of the declaration bundler, which would inline them
          resolveId: {
            order: 'pre' as const,
            handler: (id: string) =>
              sibling.test(id) ? { id: `${id}.${format === 'cjs' ? 'cjs' : 'js'}`, external: true } : null,
          },
        },
        options.plugins,
      ],
    }),
  },
]);
