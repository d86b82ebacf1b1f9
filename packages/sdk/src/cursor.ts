import { ValidationError } from '@commerce-collections/runtime';
import type { OffsetCursor, PageNumberCursor, PaginationStyle, TokenCursor } from './adapters/adapter';
import {
  adapterOf,
  adapters,
  type ConfiguredAdapters,
  type CursorOf,
  type ProviderName,
  providerNames,
} from './adapters/registry';
import { isToken } from './token';

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

/** Where a provider's listing starts. */
export function firstCursor(
  provider: ProviderName,
  pageSize: number,
  configured?: ConfiguredAdapters,
): AnyCursor {
  const style = styleOf(provider, configured);
  if (style === 'cursor') return { provider, token: null };
  return style === 'offset' ? { provider, offset: 0 } : { provider, page: 1, pageSize };
}

const SHAPE_OF_STYLE: Record<PaginationStyle, string> = {
  offset: 'offset',
  'page-number': 'page, pageSize',
  cursor: 'token',
};

function ruleFor(configured: ConfiguredAdapters | undefined): string {
  const shapes = providerNames.map(
    (name) => `{ provider: '${name}', ${SHAPE_OF_STYLE[styleOf(name, configured)]} }`,
  );
  return `must be a cursor from this SDK: ${shapes.join(' or ')}`;
}

function isInt(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max;
}

/** Checks a cursor that came back from a caller (possibly through JSON) and returns a clean copy. */
export function validateCursor(
  value: unknown,
  option: string,
  context: { provider: ProviderName; operation: string },
  configured?: ConfiguredAdapters,
): AnyCursor {
  if (typeof value === 'object' && value !== null) {
    const cursor = value as Record<string, unknown>;
    const provider = cursor.provider as ProviderName;
    const style = Object.hasOwn(adapters, provider) ? styleOf(provider, configured) : undefined;
    if (style === 'cursor' && (cursor.token === null || isToken(cursor.token))) {
      return { provider, token: cursor.token };
    }
    if (style === 'offset' && isInt(cursor.offset, 0, Number.MAX_SAFE_INTEGER)) {
      return { provider, offset: cursor.offset };
    }
    const { page, pageSize } = cursor;
    if (style === 'page-number' && isInt(page, 1, Number.MAX_SAFE_INTEGER) && isInt(pageSize, 1, 100)) {
      return { provider, page, pageSize };
    }
  }
  throw new ValidationError({ ...context, option, rule: ruleFor(configured), value });
}
