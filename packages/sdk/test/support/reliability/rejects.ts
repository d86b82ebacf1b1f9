import { ValidationError } from '@commerce-collections/runtime';
import { countingFetch } from './fetches';
import { renderings } from './secrets';

export interface Rejection {
  error: ValidationError;
  /** Requests the entry point sent before failing: always 0 when the assertion passes. */
  requests: number;
}

/**
 * Runs `attempt` with a fetch that counts (and refuses) every request, and asserts that it failed with a
 * ValidationError naming `option` (exactly, or matching the pattern) and a rule, with zero requests sent. A
 * `secret` value must not appear in any rendering of the error. Throws a plain Error describing the mismatch.
 */
export async function expectValidationError(
  attempt: (fetch: typeof globalThis.fetch) => unknown,
  option: string | RegExp,
  secret?: unknown,
): Promise<Rejection> {
  const counter = countingFetch();
  let caught: unknown;
  try {
    const result = await attempt(counter.fetch);
    // A listing is lazy: drain it, so a validation that only happens on the first next() is still reached.
    if (result !== null && typeof result === 'object' && Symbol.asyncIterator in result) {
      for await (const _ of result as AsyncIterable<unknown>) {
        // nothing: the first step must already throw
      }
    }
  } catch (error) {
    caught = error;
  }
  if (!(caught instanceof ValidationError)) {
    const got =
      caught === undefined
        ? 'no error'
        : caught instanceof Error
          ? `${caught.name}: ${caught.message}`
          : String(caught);
    throw new Error(
      `expected a ValidationError for ${String(option)}, got ${got} (requests sent: ${counter.calls})`,
    );
  }
  const matches = typeof option === 'string' ? caught.option === option : option.test(caught.option);
  if (!matches) {
    throw new Error(
      `expected the ValidationError to name ${String(option)}, it names "${caught.option}": ${caught.message}`,
    );
  }
  if (typeof caught.rule !== 'string' || caught.rule.length === 0)
    throw new Error(`no rule in: ${caught.message}`);
  if (!caught.message.includes(caught.option) || !caught.message.includes(caught.rule)) {
    throw new Error(`the message names neither the option nor the rule: ${caught.message}`);
  }
  if (caught.attempts !== 0) throw new Error(`attempts is ${caught.attempts}, expected 0`);
  if (counter.calls !== 0)
    throw new Error(
      `${counter.calls} request(s) sent before the ValidationError: ${counter.urls.join(', ')}`,
    );
  if (typeof secret === 'string' && secret.length >= 4) {
    for (const text of renderings(caught)) {
      if (text.includes(secret)) throw new Error(`the rejected secret is echoed: ${text.slice(0, 300)}`);
    }
  }
  return { error: caught, requests: counter.calls };
}
