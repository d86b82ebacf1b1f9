import { afterEach, describe, expect, it, vi } from 'vitest';
import { AttemptDeadline } from '../../src/timeout';

afterEach(() => {
  vi.useRealTimers();
});

const isTimeout = (signal: AbortSignal) =>
  signal.aborted && (signal.reason as { name?: unknown }).name === 'TimeoutError';

describe('AttemptDeadline', () => {
  it('times out an attempt after timeoutMs, not before', () => {
    vi.useFakeTimers();
    const { signal } = new AttemptDeadline(1000, undefined);
    vi.advanceTimersByTime(999);
    expect(signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(isTimeout(signal)).toBe(true);
  });

  it('never aborts once released, and leaves no timer behind', () => {
    vi.useFakeTimers();
    const deadline = new AttemptDeadline(1000, undefined);
    deadline.release();
    deadline.release(); // twice is harmless
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(2000);
    expect(deadline.signal.aborted).toBe(false);
  });

  it('follows the caller signal, with its reason, and unhooks from it when released', () => {
    const caller = new AbortController();
    const followed = new AttemptDeadline(60_000, caller.signal);
    const released = new AttemptDeadline(60_000, caller.signal);
    released.release();
    const reason = new Error('stop');
    caller.abort(reason);
    expect(followed.signal.reason).toBe(reason);
    expect(released.signal.aborted).toBe(false);
    followed.release();
  });

  it('is aborted at once for a caller signal that already fired', () => {
    const caller = new AbortController();
    caller.abort(new Error('gone'));
    expect(new AttemptDeadline(60_000, caller.signal).signal.aborted).toBe(true);
  });

  it('does not keep the process alive: its timer is unref’d', () => {
    const deadline = new AttemptDeadline(60_000, undefined);
    const timer = (deadline as unknown as { timer: { hasRef(): boolean } }).timer;
    expect(timer.hasRef()).toBe(false);
    deadline.release();
  });

  it('fires with real timers too', async () => {
    const { signal } = new AttemptDeadline(5, undefined);
    await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
    expect(isTimeout(signal)).toBe(true);
  });
});
