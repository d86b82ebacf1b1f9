import { describe, expect, it } from 'vitest';
import { readSpecDocument } from '../../src/prism/spec-source';
import { startHighLevelSandbox } from '../../src/sandbox/highlevel';
import { runVerify } from '../../src/verify/run-verify';

describe('runVerify', () => {
  it('sends read-only requests only, even when the spec documents a write operation', async () => {
    const document = readSpecDocument('highlevel') as { paths: Record<string, Record<string, unknown>> };
    const collections = document.paths['/products/collections'] as Record<string, unknown>;
    const withWrite = {
      ...document,
      paths: {
        '/products/collections': {
          ...collections,
          post: { ...(collections.get as object), operationId: 'create' },
        },
      },
    };
    const sandbox = await startHighLevelSandbox({ rateLimit: false });
    try {
      const result = await runVerify({
        api: 'highlevel',
        upstream: sandbox.url,
        token: 'sandbox-token',
        document: withWrite,
        ratePerSecond: 100,
      });
      expect(result.findings).toEqual([]);
      expect(result.exchanges.map((exchange) => exchange.method)).toEqual([
        'GET',
        'GET',
        'GET',
        'GET',
        'GET',
      ]);
      expect(sandbox.requestLog.map((entry) => entry.method)).toEqual(['GET', 'GET', 'GET', 'GET', 'GET']);
    } finally {
      await sandbox.close();
    }
  });
});
