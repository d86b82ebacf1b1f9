import { fail, isRecord } from '@commerce-collections/runtime/internal';
import type { ProviderName } from './adapters/registry';

/** The second argument of list/listPages/listPage: an object with known keys and, if given, an AbortSignal. */
export function validateListOptions(
  options: unknown,
  context: { provider: ProviderName; operation: string },
) {
  if (options === undefined) return;
  const record = isRecord(options) ? options : fail('options', 'must be an object', options, context);
  const known = context.operation === 'listPage' ? ['signal'] : ['signal', 'resumeFrom'];
  for (const key of Object.keys(record)) {
    const rule = `is not an option of ${context.operation} (expected ${known.join(' or ')})`;
    if (!known.includes(key)) fail(key, rule, record[key], context);
  }
  // Duck-typed rather than instanceof: signals from another realm or a polyfill are fine.
  const signal = record.signal as { aborted?: unknown; addEventListener?: unknown } | null | undefined;
  const isSignal = typeof signal === 'object' && typeof signal?.aborted === 'boolean';
  if (signal !== undefined && !(isSignal && typeof signal?.addEventListener === 'function')) {
    fail('signal', 'must be an AbortSignal', signal, context);
  }
}
