import { describe, expect, it } from 'vitest';
import { createShoplazzaClient, type ShoplazzaClientOptions, ValidationError } from '../../src/index';
import { PAGE, PRODUCT, SHOP, TOKEN } from './fixtures';
import { json, recorder } from './helpers';

function expectValidation(run: () => unknown, option: string, rule: RegExp): ValidationError {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ValidationError);
  const error = caught as ValidationError;
  expect(error.option).toBe(option);
  expect(error.rule).toMatch(rule);
  expect(error.message).toContain(`"${option}"`);
  expect(error.attempts).toBe(0);
  return error;
}

describe('Shoplazza client options validation', () => {
  const base = (): ShoplazzaClientOptions => ({
    token: TOKEN,
    shop: SHOP,
    fetch: recorder(json(PAGE)).fetch,
  });

  const bad: [string, Record<string, unknown>, string, RegExp][] = [
    ['an empty token', { token: '' }, 'token', /visible ASCII/],
    ['a token with a line break', { token: 'abc\nX: y' }, 'token', /visible ASCII/],
    ['an object token', { token: {} }, 'token', /string or a function/],
    ['no shop and no base URL', { shop: undefined }, 'shop', /required unless baseUrl/],
    ['an empty shop', { shop: '' }, 'shop', /DNS label/],
    ['a shop with a dot', { shop: 'evil.com' }, 'shop', /DNS label/],
    ['a shop with a slash', { shop: 'a/b' }, 'shop', /DNS label/],
    ['a shop with @', { shop: 'user@evil' }, 'shop', /DNS label/],
    ['a shop with #', { shop: 'shop#x' }, 'shop', /DNS label/],
    ['a shop with unicode', { shop: 'bücher' }, 'shop', /DNS label/],
    ['a shop with a space', { shop: 'my shop' }, 'shop', /DNS label/],
    ['a shop starting with a hyphen', { shop: '-shop' }, 'shop', /DNS label/],
    ['a shop ending with a hyphen', { shop: 'shop-' }, 'shop', /DNS label/],
    ['a shop of 64 characters', { shop: 'a'.repeat(64) }, 'shop', /DNS label/],
    ['a numeric shop', { shop: 42 }, 'shop', /DNS label/],
    ['an unknown domain', { domain: 'shoplazza.com' }, 'domain', /myshoplazza\.com, myshoplaza\.com/],
    ['a plain-http base URL', { baseUrl: 'http://example-shop.myshoplazza.com' }, 'baseUrl', /https/],
    ['a base URL with a fragment', { baseUrl: 'https://example.com/#x' }, 'baseUrl', /fragment/],
    ['a fetch that is not a function', { fetch: {} }, 'fetch', /function/],
    ['a rate of 0', { rateLimit: { ratePerSecond: 0 } }, 'rateLimit.ratePerSecond', /from 0\.001 to 1000/],
    // Once checked by the client (> 0) and again by the limiter (≥ 0.001), with two wordings: now by the limiter.
    ['a rate of 0.0005', { rateLimit: { ratePerSecond: 0.0005 } }, 'rateLimit.ratePerSecond', /from 0\.001/],
    [
      'an infinite rate',
      { rateLimit: { ratePerSecond: Number.POSITIVE_INFINITY } },
      'rateLimit.ratePerSecond',
      /from 0\.001 to 1000/,
    ],
    ['a burst of 0', { rateLimit: { ratePerSecond: 2, burst: 0 } }, 'rateLimit.burst', /at least 1/],
    ['a rate limit that is a number', { rateLimit: 2 }, 'rateLimit', /false/],
    ['a timeout of -5', { timeoutMs: -5 }, 'timeoutMs', /1/],
    ['a fractional retry count', { retry: { maxRetries: 1.5 } }, 'retry.maxRetries', /integer/],
  ];
  it.each(bad)('refuses %s', (_label, override, option, rule) => {
    const options = { ...base(), ...override } as ShoplazzaClientOptions;
    const error = expectValidation(() => createShoplazzaClient(options), option, rule);
    expect(error.operation).toBe('createClient');
    expect(error.provider).toBe('shoplazza');
  });

  it('accepts a base URL without a shop', () => {
    const client = createShoplazzaClient({ token: TOKEN, baseUrl: 'https://localhost:8443' });
    expect(client.shop).toBeUndefined();
    expect(client.baseUrl).toBe('https://localhost:8443');
  });

  it('never echoes a bad token in the error', () => {
    const error = expectValidation(
      () => createShoplazzaClient({ ...base(), token: 'secret value\n' }),
      'token',
      /ASCII/,
    );
    expect(String(error)).not.toContain('secret');
    expect(JSON.stringify(error)).not.toContain('secret');
  });
});

describe('Shoplazza listCollections parameter validation', () => {
  const bad: [string, unknown, string, RegExp][] = [
    ['limit 0', { limit: 0 }, 'limit', /from 1 to 100/],
    ['limit 101', { limit: 101 }, 'limit', /from 1 to 100/],
    ['a string limit', { limit: '10' }, 'limit', /integer/],
    ['a fractional limit', { limit: 9.5 }, 'limit', /integer/],
    ['page 0', { page: 0 }, 'page', /at least 1/],
    ['a negative page', { page: -1 }, 'page', /at least 1/],
    ['a NaN page', { page: Number.NaN }, 'page', /integer/],
    ['an empty id list', { ids: [] }, 'ids', /non-empty array/],
    ['ids as a string', { ids: 'a,b' }, 'ids', /non-empty array/],
    ['an id with a comma', { ids: ['a,b'] }, 'ids[0]', /commas/],
    ['an id with a tab', { ids: ['ok', 'a\tb'] }, 'ids[1]', /whitespace/],
    ['an empty title', { title: '' }, 'title', /non-empty/],
    ['a title with a line break', { title: 'a\nb' }, 'title', /control characters/],
    ['a title of 256 characters', { title: 'é'.repeat(256) }, 'title', /at most 255/],
    ['a date without time', { updated_at_min: '2024-01-01' }, 'updated_at_min', /RFC 3339/],
    ['a date-time without offset', { updated_at_min: '2024-01-01T00:00:00' }, 'updated_at_min', /offset/],
    ['a date-time with a space', { updated_at_max: '2024-01-01 00:00:00Z' }, 'updated_at_max', /RFC 3339/],
    ['an impossible day', { updated_at_max: '2024-02-30T00:00:00Z' }, 'updated_at_max', /out of range/],
    ['an hour of 24', { updated_at_min: '2024-01-01T24:00:00Z' }, 'updated_at_min', /out of range/],
    ['an invalid Date', { updated_at_min: new Date('nope') }, 'updated_at_min', /valid Date/],
    ['a numeric timestamp', { updated_at_max: 1_700_000_000_000 }, 'updated_at_max', /RFC 3339/],
    ['a product id that is not a UUID', { product_id: '12345' }, 'product_id', /UUID/],
    ['a product id with a trailing newline', { product_id: `${PRODUCT}\n` }, 'product_id', /UUID/],
    ['a numeric product id', { product_id: 12345 }, 'product_id', /UUID/],
    ['an unknown parameter', { product_ids: [PRODUCT] }, 'product_ids', /not a parameter/],
    ['a HighLevel parameter', { offset: 10 }, 'offset', /not a parameter/],
    ['params that are null', null, 'params', /object/],
  ];
  it.each(bad)('refuses %s before any request', async (_label, params, option, rule) => {
    const rec = recorder(json(PAGE));
    const client = createShoplazzaClient({ token: TOKEN, shop: SHOP, fetch: rec.fetch });
    const error = await client.listCollections(params as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ option, operation: 'listCollections', provider: 'shoplazza', attempts: 0 });
    expect((error as ValidationError).rule).toMatch(rule);
    expect(rec.requests).toHaveLength(0);
  });

  it('accepts an upper-case UUID and sends it unchanged', async () => {
    const rec = recorder(json(PAGE));
    const client = createShoplazzaClient({ token: TOKEN, shop: SHOP, fetch: rec.fetch, rateLimit: false });
    await client.listCollections({ product_id: PRODUCT.toUpperCase() });
    expect(new URL(rec.requests[0]!.url).searchParams.get('product_id')).toBe(PRODUCT.toUpperCase());
  });

  it('refuses a signal that is not an AbortSignal before any request', async () => {
    const rec = recorder(json(PAGE));
    const client = createShoplazzaClient({ token: TOKEN, shop: SHOP, fetch: rec.fetch });
    const error = await client.listCollections({}, { signal: 'stop' as never }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ option: 'signal' });
    expect(rec.requests).toHaveLength(0);
  });
});
