import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { publicPackages } from './workspace';

const ts = createRequire(import.meta.url)('typescript') as typeof import('typescript');

type ExportTarget = string | { types?: string; import?: ExportTarget; default?: ExportTarget } | null;

/** The ESM declaration file of one `exports` entry, if it has one. */
function declarationOf(target: ExportTarget): string | undefined {
  if (target === null || typeof target === 'string') return undefined;
  return target.import ? declarationOf(target.import) : target.types;
}

/** Every name (value or type) a declaration file exports, re-exports from other packages included. */
function exportedNames(file: string): string[] {
  const options = {
    skipLibCheck: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
  };
  const program = ts.createProgram([file], options);
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  const module = source && checker.getSymbolAtLocation(source);
  if (!module) throw new Error(`${file}: not a module`);
  return checker.getExportsOfModule(module).map((symbol) => symbol.getName());
}

// A chosen public surface: each package's README names every export of every public entry point, so an export
// nobody documented (or a README gone stale) fails here. Read from the installed tarballs: what users get.
// `./internal` subpaths are for the workspace's own packages and say so; they are not listed.
describe('each published README lists its exports', () => {
  const { consumer } = inject('pack');
  const installed = (name: string) => join(consumer, 'node_modules', ...name.split('/'));
  const entries = publicPackages.flatMap(({ name }) => {
    const manifest = JSON.parse(readFileSync(join(installed(name), 'package.json'), 'utf8'));
    const exportsMap: Record<string, ExportTarget> = manifest.exports ?? {};
    return Object.entries(exportsMap)
      .filter(([subpath]) => subpath !== './internal' && subpath !== './package.json')
      .map(([subpath, target]) => ({ name, subpath, declaration: declarationOf(target) }))
      .filter(
        (entry): entry is { name: string; subpath: string; declaration: string } => !!entry.declaration,
      );
  });

  it('finds the declaration entry points of the libraries', () => {
    const libraries = ['runtime', 'highlevel', 'shoplazza', 'sdk', 'cli', 'contract'];
    const found = new Set(entries.map(({ name }) => name));
    for (const library of libraries) expect(found).toContain(`@commerce-collections/${library}`);
  });

  it.each(entries)('$name $subpath', ({ name, declaration }) => {
    const names = exportedNames(join(installed(name), declaration));
    expect(names.length).toBeGreaterThan(0);
    const readme = readFileSync(join(installed(name), 'README.md'), 'utf8');
    // In backticks, alone or called / instantiated: `run`, `run(argv, io)`, `Client<Paths>`.
    const named = (exported: string) =>
      ['`', '(', '<'].some((next) => readme.includes(`\`${exported}${next}`));
    expect(names.filter((exported) => !named(exported))).toEqual([]);
  });
});
