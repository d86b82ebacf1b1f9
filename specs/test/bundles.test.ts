import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { specsDir } from './helpers';

// What specs/README.md promises consumers: the bundles resolve through the package's exports, carry the package
// version as info.version, and come with the HTML reference docs.
const { version } = JSON.parse(readFileSync(join(specsDir, 'package.json'), 'utf8'));
const resolve = createRequire(join(specsDir, 'package.json')).resolve;

describe.each(['highlevel', 'shoplazza'])('%s bundle', (api) => {
  it('resolves through the package exports, as JSON and YAML, with info.version stamped', () => {
    const json = JSON.parse(readFileSync(resolve(`@commerce-collections/specs/${api}/openapi.json`), 'utf8'));
    expect(json.info.version).toBe(version);
    expect(JSON.stringify(json)).not.toContain('"$ref":"./'); // one self-contained file
    const yaml = readFileSync(resolve(`@commerce-collections/specs/${api}/openapi.yaml`), 'utf8');
    expect(yaml).toMatch(
      new RegExp(`^info:\\n(?:  .*\\n)*?  version: ${version.replaceAll('.', '\\.')}$`, 'm'),
    );
    expect(resolve(`@commerce-collections/specs/${api}/source/openapi.yaml`)).toBe(
      join(specsDir, api, 'openapi.yaml'),
    );
  });

  it('has reference docs at dist/<api>/index.html naming the API', () => {
    const json = JSON.parse(readFileSync(join(specsDir, 'dist', api, 'openapi.json'), 'utf8'));
    const html = readFileSync(join(specsDir, 'dist', api, 'index.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/i);
    expect(html).toContain(json.info.title);
  });
});
