import fc from 'fast-check';

/** C0 controls, DEL and C1 controls: what every client refuses in text that goes into a URL. */
export function hasControl(text: string): boolean {
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    if (code <= 0x1f || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

/**
 * Arbitraries for hostile input. Each one yields only values the documented rules refuse, so a property can
 * demand a ValidationError for every draw. Named edge cases from the issue come first (fc.constantFrom), random
 * ones after.
 */

/** Not a page size anywhere: not a safe integer ≥ 1. */
export const notAPositiveInteger: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(0, -1, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1.5, -0.5),
  fc.constantFrom<unknown>('10', '', 'abc', '1e2', null, true, {}, [], [10], 10n),
  fc.integer({ max: 0 }),
  fc.double({ noInteger: true }),
  fc.string(),
  fc.constant(Number.MAX_SAFE_INTEGER + 2),
);

/** A page size over a maximum of 100 (Shoplazza, the facade). */
export const over100: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(101, 1e9, 2 ** 31),
  fc.integer({ min: 101 }),
);

export const pageSizeOver100OrInvalid: fc.Arbitrary<unknown> = fc.oneof(notAPositiveInteger, over100);

/** Date-times the clients refuse: malformed, out of range, or without an offset (machine-time-zone dependent). */
export const badDateTime: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    '2024-01-31',
    '2024-01-31T23:59:59',
    '2024-01-31 23:59:59Z',
    '2024-13-01T00:00:00Z',
    '2024-02-30T00:00:00Z',
    '2024-01-31T24:00:00Z',
    '2024-01-31T23:59:60Z',
    '2024-01-31T23:59:59+25:00',
    '31/01/2024',
    'yesterday',
    '',
    ' 2024-01-31T23:59:59Z',
    '2024-01-31T23:59:59Z\r\nX-Injected: 1',
    new Date(Number.NaN),
    1_706_745_599_000,
    null,
  ),
  // A valid date-time with its offset cut off.
  fc
    .date({
      min: new Date('2000-01-01T00:00:00Z'),
      max: new Date('2099-12-31T23:59:59Z'),
      noInvalidDate: true,
    })
    .map((date) => date.toISOString().slice(0, 19)),
  // Random text that is not an RFC 3339 date-time.
  fc.string().filter((text) => !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/i.test(text)),
);

/** An id that breaks a comma list or a query string. */
export const badId: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    '',
    'a,b',
    ',',
    'a b',
    ' a',
    'a\t',
    'a\r\nb',
    'a\u0000',
    '\u00a0',
    '\u2003',
    'a\ud800',
    42,
    null,
  ),
  fc
    .tuple(fc.string(), fc.constantFrom(',', ' ', '\n', '\r', '\t', '\u3000', '\u0085'), fc.string())
    .map(([head, bad, tail]) => `${head}${bad}${tail}`),
);

/** A list of ids where exactly one is bad, at a random position; or not a list at all. */
export const badIdList: fc.Arbitrary<{ ids: unknown; index: number | undefined }> = fc.oneof(
  fc
    .tuple(
      fc.array(fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/), { maxLength: 4 }),
      badId,
      fc.array(fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/), { maxLength: 4 }),
    )
    .map(([before, bad, after]) => ({ ids: [...before, bad, ...after], index: before.length })),
  fc.constantFrom<unknown>([], 'a,b', 'abc', null, {}, 7).map((ids) => ({ ids, index: undefined })),
);

/** Search text the clients refuse: empty, control characters (CR/LF…), lone surrogates, or over 255 characters. */
export const badSearch: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    '',
    'a\r\nb',
    'line\n',
    '\r',
    'tab\there',
    'nul\u0000',
    'del\u007f',
    'c1\u0085',
    'x'.repeat(10_000),
    '\ud800',
    42,
    null,
  ),
  fc
    .tuple(fc.string(), fc.integer({ min: 0, max: 0x1f }), fc.string())
    .map(([head, code, tail]) => `${head}${String.fromCharCode(code)}${tail}`),
  fc.string({ minLength: 256, maxLength: 600, unit: 'grapheme-ascii' }).filter((text) => !hasControl(text)),
);

/** Legal search text that must travel as one percent-encoded parameter: `&`, `#`, `%`, `+`, `=`, `?`, unicode. */
export const legalHostileSearch: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'a&b#c%',
    '100%',
    '#1',
    'a=b&c=d',
    '?x=1',
    'a+b',
    'café ☕',
    '../../etc/passwd',
    '@evil.example',
    '//evil.example/x',
    '%2F%0d%0a',
    '🏷️ sale',
  ),
  fc
    .string({ minLength: 1, maxLength: 80, unit: 'grapheme' })
    .filter((text) => !hasControl(text) && [...text].length <= 255),
);

/** Legal ids with characters that need encoding (no commas, whitespace or controls). */
export const legalHostileId: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('a&b', 'x#y', '100%', 'é', '日本', '../x', 'a=b', '@host', '?q'),
  fc
    .string({ minLength: 1, maxLength: 20, unit: 'grapheme' })
    .filter((text) => !/[\s,]/.test(text) && !hasControl(text)),
);

/** Shop names that are not a DNS label: dots, slashes, `@`, `#`, unicode, ports, empty. */
export const badShop: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    '',
    'my.shop',
    'evil.example/x',
    'shop/evil',
    'user@evil.example',
    'shop#frag',
    'shop?x=1',
    'shop:8080',
    'ünïcode',
    'shop\r\n',
    ' shop',
    '..',
    'shop.myshoplazza.com',
    '-shop',
    42,
    null,
  ),
  fc
    .tuple(
      fc.stringMatching(/^[a-z0-9]{1,8}$/),
      fc.constantFrom('.', '/', '@', '#', '?', ':', '\\', ' ', '%', 'é'),
      fc.stringMatching(/^[a-z0-9]{0,8}$/),
    )
    .map(([head, bad, tail]) => `${head}${bad}${tail}`),
);

/** Tokens that would corrupt a header or are not a token: CR/LF, spaces, non-ASCII, empty. */
export const badToken: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    '',
    ' ',
    'tok\r\nX-Injected: 1',
    'tok\n',
    'tok en',
    'tökén',
    'tok\u0000',
    'tok\u2028',
    '🔑',
    42,
    null,
    {},
  ),
  fc
    .tuple(
      fc.stringMatching(/^[A-Za-z0-9]{1,12}$/),
      fc.constantFrom('\r', '\n', ' ', '\t', 'é', '\u00a0', '€'),
      fc.stringMatching(/^[A-Za-z0-9]{0,12}$/),
    )
    .map(([head, bad, tail]) => `${head}${bad}${tail}`),
);

/** Base URLs the clients refuse: not https (http only on loopback), credentials, query, fragment, not absolute. */
export const badBaseUrl: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    'http://example.com',
    'http://services.leadconnectorhq.com',
    'ftp://example.com',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/plain,hi',
    'ws://example.com',
    '//example.com',
    'example.com',
    '/relative',
    '',
    'https://user:pass@example.com',
    'https://example.com?x=1',
    'https://example.com#frag',
    'https://exa mple.com',
    'https://example.com\r\n',
    'http://127.0.0.1.evil.example',
    'http://localhost.evil.example',
    42,
    null,
  ),
  fc.domain().map((domain) => `http://${domain}`),
  fc
    .tuple(fc.constantFrom('ftp', 'ws', 'wss', 'gopher', 'file'), fc.domain())
    .map(([scheme, domain]) => `${scheme}://${domain}`),
);

/** Values with the same shape as a secret: a ValidationError may name the option but never echo these. */
export function isString(value: unknown): value is string {
  return typeof value === 'string';
}
