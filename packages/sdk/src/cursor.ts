import { fail, validateSearchText } from '@commerce-collections/runtime/internal';
import type { OffsetCursor, PageNumberCursor, PaginationStyle, TokenCursor } from './adapters/adapter';
import type { ConfiguredAdapters, CursorOf, ProviderName } from './adapters/registry';
import { adapterOf, adapters, providerNames } from './adapters/registry';

/**
 * Where a page starts. Opaque to callers: keep it, serialise it (it is plain JSON), pass it back as
 * `listPage({ cursor })` or `list(query, { resumeFrom })`, but do not build or edit one. Its shape follows the
 * provider's pagination style (adapters/adapter.ts); `provider` says which.
 */
export type PageCursor = { [P in ProviderName]: CursorOf<P> }[ProviderName];

/** A cursor as the engine handles it: one of the style shapes, of any provider. */
export type AnyCursor =
  | OffsetCursor<ProviderName>
  | PageNumberCursor<ProviderName>
  | TokenCursor<ProviderName>;

/** The provider's pagination style in this client (its configured adapter, else the registered one). */
function styleOf(provider: ProviderName, configured: ConfiguredAdapters | undefined): PaginationStyle {
  return (configured?.[provider] ?? adapterOf(provider)).style;
}

export function firstCursor(
  provider: ProviderName,
  pageSize: number,
  configured?: ConfiguredAdapters,
): AnyCursor {
  const style = styleOf(provider, configured);
  if (style === 'cursor') return { provider, token: null };
  return style === 'offset' ? { provider, offset: 0 } : { provider, page: 1, pageSize };
}

const SHAPE_OF_STYLE = { offset: 'offset', 'page-number': 'page, pageSize', cursor: 'token' };

function isInt(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max;
}

/** A server's cursor token travels back in a query: 1–1024 characters, no control characters. */
function isToken(value: unknown): value is string {
  try {
    return validateSearchText(value, 'token', undefined, 1024) !== undefined;
  } catch {
    return false;
  }
}

/** Checks a cursor that came back from a caller (possibly through JSON) and returns a clean copy. */
export function validateCursor(
  value: unknown,
  option: string,
  context: { provider: ProviderName; operation: string },
  configured?: ConfiguredAdapters,
): AnyCursor {
  if (typeof value === 'object' && value !== null) {
    const { provider, token, offset, page, pageSize } = value as Record<string, unknown>;
    const name = provider as ProviderName;
    const style = Object.hasOwn(adapters, name) ? styleOf(name, configured) : undefined;
    if (style === 'cursor' && (token === null || isToken(token))) return { provider: name, token };
    if (style === 'offset' && isInt(offset, 0, Number.MAX_SAFE_INTEGER)) return { provider: name, offset };
    if (style === 'page-number' && isInt(page, 1, Number.MAX_SAFE_INTEGER) && isInt(pageSize, 1, 100)) {
      return { provider: name, page, pageSize };
    }
  }
  const shape = (name: ProviderName) =>
    `{ provider: '${name}', ${SHAPE_OF_STYLE[styleOf(name, configured)]} }`;
  const rule = `must be a cursor from this SDK: ${providerNames.map(shape).join(' or ')}`;
  return fail(option, rule, value, context);
}
