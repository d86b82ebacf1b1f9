import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@hey-api/openapi-ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { specsDir } from './helpers';

// Other teams generate from our bundles with their own tools: prove a second generator (hey-api, besides the
// openapi-typescript our clients use) accepts dist/<api>/openapi.json and emits code that compiles strictly.
const apis = ['highlevel', 'shoplazza'] as const;
const tsc = join(specsDir, 'node_modules', '.bin', 'tsc');

describe('@hey-api/openapi-ts on the bundled specs', () => {
  let out = '';
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'hey-api-'));
    for (const api of apis) {
      await createClient({
        input: join(specsDir, 'dist', api, 'openapi.json'),
        output: join(out, api),
        logs: { level: 'silent' },
        plugins: ['@hey-api/typescript', '@hey-api/sdk', '@hey-api/client-fetch'],
      });
    }
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it.each(apis)('%s: emits a listCollections operation', (api) => {
    expect(readFileSync(join(out, api, 'sdk.gen.ts'), 'utf8')).toMatch(/export const listCollections\b/);
  });

  it('the output type-checks with tsc --strict, and the generated types say what the specs say', () => {
    // A consumer file: if a type the spec declares is missing or loosened, the @ts-expect-error lines or the
    // typed reads stop compiling, so this fails.
    writeFileSync(
      join(out, 'consumer.ts'),
      `import type { ListCollectionsData as HighLevelQuery, ListCollectionsResponse as HighLevelPage } from './highlevel/types.gen.js';
import type { ListCollectionsResponse as ShoplazzaPage } from './shoplazza/types.gen.js';
import { listCollections } from './highlevel/sdk.gen.js';

export const ids = (page: HighLevelPage): string[] => page.data.map((collection) => collection._id);
export const total = (page: HighLevelPage): number => page.total;
export const shoplazzaIds = (page: ShoplazzaPage): string[] => page.collections.map((collection) => collection.id);
export const query: HighLevelQuery['query'] = { altId: 'loc', altType: 'location' };
// @ts-expect-error altType is the enum ['location'] only
export const badQuery: HighLevelQuery['query'] = { altId: 'loc', altType: 'LOCATION' };
// @ts-expect-error altId is required
export const missing: HighLevelQuery['query'] = { altType: 'location' };
export const call = () => listCollections({ query, headers: { Version: '2021-07-28' } });
`,
    );
    writeFileSync(
      join(out, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noUncheckedIndexedAccess: true,
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          // hey-api's fetch client uses URLSearchParams.entries(): DOM.Iterable is required.
          // (Its client runtime does not compile under exactOptionalPropertyTypes; nor does ours require it.)
          lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          noEmit: true,
          skipLibCheck: false,
        },
        include: ['**/*.ts'],
      }),
    );
    const result = (() => {
      try {
        return execFileSync(tsc, ['-p', join(out, 'tsconfig.json')], { encoding: 'utf8' });
      } catch (error) {
        return String((error as { stdout?: string }).stdout ?? error);
      }
    })();
    expect(result).toBe('');
  });
});
