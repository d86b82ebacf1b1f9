/**
 * Timer guard: a vitest setup file (every project, via vitest.shared.ts `sharedSetupFiles`) that fails a test
 * when the code it runs schedules a timer no correct code schedules:
 *
 * - a delay above 2^31 − 1 ms: Node fires it after 1 ms instead, with a `TimeoutOverflowWarning`, so a wait
 *   computed from the wrong clock turns into a busy loop (issue #11: an HTTP-date Retry-After compared with
 *   `performance.now()`);
 * - a delay above the configured maximum, `TIMER_GUARD_MAX_MS` (a project's `test.env`, or the environment).
 *   Default: 2^31 − 1, the runtime's own ceiling for any timer option. Not lower: a limiter legitimately waits as
 *   long as its configured rate says (`ratePerSecond: 0.001` waits 1000 s for a slot, then the test aborts it);
 * - a spin: `TIMER_GUARD_SPIN_COUNT` (default 1000) timers of ≤ 1 ms in a row within one test, with no longer
 *   timer in between (a loop that sleeps "0" until something changes). Counted, not timed: a time-based rule
 *   would depend on how busy the machine is;
 * - any `TimeoutOverflowWarning` the process emits (timers scheduled around this guard: `node:timers`, or a
 *   reference taken before it was installed).
 *
 * The guard wraps the real global setTimeout/setInterval and records; it never changes what a timer does (a
 * throw inside the code under test could be swallowed or retried). The test then fails in `afterEach` (or
 * `afterAll`, for timers scheduled outside a test) with the guard's message. `vi.useFakeTimers()` replaces the
 * wrapped functions while it is on and restores them after; fake timers are not checked.
 */
import { afterAll, afterEach } from 'vitest';

const NODE_TIMER_MAX_MS = 2 ** 31 - 1;
const maxDelayMs = Number(process.env.TIMER_GUARD_MAX_MS ?? NODE_TIMER_MAX_MS);
const spinCount = Number(process.env.TIMER_GUARD_SPIN_COUNT ?? 1_000);
const GUARDED = Symbol.for('commerce-collections.timer-guard');

const violations: string[] = [];
let shortInARow = 0;
/** Overflows already reported by the wrapper, whose TimeoutOverflowWarning (emitted on the next tick) is expected. */
let expectedWarnings = 0;

function record(message: string) {
  // One line per kind is enough; a spinning loop would otherwise repeat it thousands of times.
  if (!violations.includes(message)) violations.push(message);
}

function check(kind: 'setTimeout' | 'setInterval', delay: unknown) {
  // Node's own coercion: anything not in [1, 2^31 − 1] becomes 1 ms (with a warning when too large).
  const ms = Number(delay);
  if (ms > NODE_TIMER_MAX_MS) {
    expectedWarnings++;
    record(
      `timer guard: ${kind}(…, ${ms}) exceeds 2^31 − 1 ms; Node fires it after 1 ms (TimeoutOverflowWarning)`,
    );
  } else if (ms > maxDelayMs) {
    record(`timer guard: ${kind}(…, ${ms}) exceeds the configured maximum of ${maxDelayMs} ms`);
  }
  const effectiveMs = ms >= 1 && ms <= NODE_TIMER_MAX_MS ? ms : 1;
  shortInARow = effectiveMs > 1 ? 0 : shortInARow + 1;
  if (shortInARow === spinCount) {
    record(`timer guard: ${spinCount} timers of ≤ 1 ms in a row, no longer one in between: a spin`);
  }
}

function guard<F extends (handler: never, delay?: number, ...args: never[]) => unknown>(
  kind: 'setTimeout' | 'setInterval',
  original: F,
): F {
  if ((original as { [GUARDED]?: true })[GUARDED]) return original;
  const guarded = function (this: unknown, handler: never, delay?: number, ...args: never[]) {
    check(kind, delay);
    return original.call(this, handler, delay, ...args);
  };
  // Keep util.promisify(setTimeout) and any other own properties working.
  Object.defineProperties(guarded, Object.getOwnPropertyDescriptors(original));
  Object.defineProperty(guarded, GUARDED, { value: true });
  return guarded as unknown as F;
}

globalThis.setTimeout = guard('setTimeout', globalThis.setTimeout);
globalThis.setInterval = guard('setInterval', globalThis.setInterval);

const onWarning = (warning: Error) => {
  if (warning.name !== 'TimeoutOverflowWarning') return;
  if (expectedWarnings > 0) expectedWarnings--;
  else record(`timer guard: ${warning.name}: ${warning.message}`);
};
process.on('warning', onWarning);

async function failOnViolations(where: string) {
  // Node emits warnings on the next tick (nextTick, unlike setImmediate, is never faked by vi.useFakeTimers).
  await new Promise((resolve) => process.nextTick(resolve));
  shortInARow = 0;
  if (violations.length === 0) return;
  const message = `${violations.join('\n')}\n(${where}; see test-support/timer-guard.ts)`;
  violations.length = 0;
  throw new Error(message);
}

afterEach(() => failOnViolations('during this test'));
afterAll(async () => {
  await failOnViolations('outside any test of this file');
  process.off('warning', onWarning);
});
