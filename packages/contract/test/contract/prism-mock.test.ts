import { describe, expect, it } from 'vitest';
import { startPrismMock } from '../../src/prism/mock';
import { startPrismProxy } from '../../src/prism/proxy';
import { parseViolations } from '../../src/prism/violations';
import { highLevelList, shoplazzaList } from './requests';

describe('startPrismMock', () => {
  it('generates repeatable dynamic bodies from a seed, across restarts, without extra properties', async () => {
    const bodies: string[] = [];
    for (let run = 0; run < 2; run += 1) {
      const mock = await startPrismMock({ api: 'shoplazza', dynamic: true, seed: 'fixed', errors: true });
      try {
        const response = await shoplazzaList(mock.url);
        expect(parseViolations(response)).toEqual([]);
        bodies.push(await response.text());
      } finally {
        await mock.close();
      }
    }
    expect(bodies[1]).toBe(bodies[0]);
    const { collections } = JSON.parse(bodies[0] as string) as { collections: Record<string, unknown>[] };
    const declared = [
      'id',
      'title',
      'description',
      'handle',
      'smart',
      'image',
      'seo_title',
      'seo_description',
      'seo_keywords',
      'sort_order',
      'created_at',
      'updated_at',
    ];
    for (const item of collections)
      expect(Object.keys(item).filter((key) => !declared.includes(key))).toEqual([]);
  });

  it('answers a bad request with the declared 422 example and the violation in sl-violations', async () => {
    const mock = await startPrismMock({ api: 'highlevel' });
    try {
      const response = await highLevelList(mock.url, '&limit=0');
      expect(response.status).toBe(422);
      // The mock serves the declared 422 example (unlike the proxy, which answers problem+json).
      expect((await response.json()).message).toEqual([
        'altType must be one of the following values: location',
      ]);
      expect(parseViolations(response).map((violation) => violation.location)).toEqual([
        ['request', 'query', 'limit'],
      ]);
    } finally {
      await mock.close();
    }
  });

  it('names the option on bad input', async () => {
    await expect(startPrismMock({ api: 'magento' as never })).rejects.toThrow('`api`');
    await expect(startPrismProxy({ api: 'highlevel', upstream: 'ftp://x' })).rejects.toThrow('`upstream`');
  });
});

describe('cors', () => {
  it('answers preflights only when asked to', async () => {
    const preflight = (url: string) =>
      fetch(`${url}/openapi/2022-01/collections`, {
        method: 'OPTIONS',
        headers: { Origin: 'http://page.test', 'Access-Control-Request-Method': 'GET' },
      });
    const withCors = await startPrismMock({ api: 'shoplazza', cors: true });
    const without = await startPrismMock({ api: 'shoplazza' });
    try {
      const allowed = await preflight(withCors.url);
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get('access-control-allow-origin')).toBe('http://page.test');
      expect((await preflight(without.url)).headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await withCors.close();
      await without.close();
    }
  });
});
