import { describe, expect, inject, it } from 'vitest';
import { createCoverageTracker } from '../../src/prism/coverage';
import { listDeclaredResponses, resolveLocalRef } from '../../src/prism/declared-responses';
import { readSpecDocument } from '../../src/prism/spec-source';
import { parseViolations } from '../../src/prism/violations';
import type { ApiName } from '../../src/sandbox/types';
import './provided-context';
import { highLevelHeaders, highLevelQuery, shoplazzaHeaders } from './requests';

const valid: Record<ApiName, { query: string; headers: Record<string, string> }> = {
  highlevel: { query: `?${highLevelQuery}`, headers: highLevelHeaders },
  shoplazza: { query: '', headers: shoplazzaHeaders },
};

function exampleValue(api: ApiName, path: string, status: string, name: string): unknown {
  const document = readSpecDocument(api);
  const paths = document.paths as Record<string, { get: { responses: Record<string, unknown> } }>;
  const response = resolveLocalRef(document, paths[path]?.get.responses[status]);
  const content = response.content as Record<string, { examples: Record<string, unknown> }>;
  return resolveLocalRef(document, content['application/json']?.examples[name]).value;
}

// Every declared (status, example) pair is served by a Prism mock with `errors` on, so an example that
// does not match its own schema (or a missing header example) turns into a 500 here.
describe.each(['highlevel', 'shoplazza'] as const)('%s mock serves every documented example', (api) => {
  const tracker = createCoverageTracker(api);
  const declared = listDeclaredResponses(api).flatMap((response) =>
    response.exampleNames.map((example) => ({ ...response, example })),
  );

  it.each(declared)('$status $example', async ({ operationId, path, status, example }) => {
    const response = await fetch(`${inject(`${api}MockUrl`)}${path}${valid[api].query}`, {
      headers: { ...valid[api].headers, Prefer: `code=${status}, example=${example}` },
    });
    expect(parseViolations(response)).toEqual([]);
    expect(response.status).toBe(Number(status));
    expect(await response.json()).toEqual(exampleValue(api, path, status, example));
    tracker.record(operationId, status, example);
  });

  it('left no declared example unexercised', () => {
    expect(tracker.missing()).toEqual([]);
  });
});
