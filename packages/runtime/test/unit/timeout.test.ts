import { afterEach, describe, expect, it, vi } from 'vitest';
import { AttemptDeadline, SharedDeadlines } from '../../src/timeout';

afterEach(() => {
  vi.useRealTimers();
});

const isTimeout = (signal: AbortSignal) =>
  signal.aborted && (signal.reason as { name?: unknown }).name === 'TimeoutError';

describe('SharedDeadlines', () => {
  it('times out an attempt after timeoutMs, not before', () => {
    vi.useFakeTimers();
    const deadlines = new SharedDeadlines(1000);
    const { signal } = deadlines.start(undefined);
    vi.advanceTimersByTime(999);
    expect(signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(isTimeout(signal)).toBe(true);
  });

  it('shares one signal between attempts started within a millisecond, and not beyond', () => {
    vi.useFakeTimers();
    const deadlines = new SharedDeadlines(1000);
    const a = deadlines.start(undefined);
    vi.advanceTimersByTime(0.5);
    const b = deadlines.start(undefined);
    vi.advanceTimersByTime(0.5);
    const c = deadlines.start(undefined);
    expect(b.signal).toBe(a.signal);
    expect(c.signal).not.toBe(a.signal);
    expect(vi.getTimerCount()).toBe(1); // one timer for the oldest group, not one per attempt
    vi.advanceTimersByTime(999);
    expect(isTimeout(a.signal)).toBe(true);
    expect(c.signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(isTimeout(c.signal)).toBe(true);
  });

  it('never aborts a group whose attempts were all released, and leaves no timer once all are', () => {
    vi.useFakeTimers();
    const deadlines = new SharedDeadlines(1000);
    const first = deadlines.start(undefined);
    vi.advanceTimersByTime(5);
    const second = deadlines.start(undefined);
    first.release();
    first.release(); // twice is harmless
    vi.advanceTimersByTime(1000);
    expect(first.signal.aborted).toBe(false);
    expect(isTimeout(second.signal)).toBe(true);

    const third = deadlines.start(undefined);
    vi.advanceTimersByTime(5);
    const fourth = deadlines.start(undefined);
    third.release();
    fourth.release();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(2000);
    expect(third.signal.aborted || fourth.signal.aborted).toBe(false);
  });

  it('aborts a group at its deadline while any of its attempts is live, even if others were released', () => {
    vi.useFakeTimers();
    const deadlines = new SharedDeadlines(100);
    const a = deadlines.start(undefined);
    const b = deadlines.start(undefined);
    a.release();
    vi.advanceTimersByTime(100);
    expect(isTimeout(b.signal)).toBe(true);
  });

  it('gives an attempt started after a timeout a fresh signal', () => {
    vi.useFakeTimers();
    const deadlines = new SharedDeadlines(10);
    const a = deadlines.start(undefined);
    vi.advanceTimersByTime(10);
    expect(isTimeout(a.signal)).toBe(true);
    const b = deadlines.start(undefined);
    expect(b.signal.aborted).toBe(false);
    vi.advanceTimersByTime(9);
    expect(b.signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(isTimeout(b.signal)).toBe(true);
  });

  it('gives an attempt with a caller signal its own deadline: the caller aborts it alone, with its reason', () => {
    const deadlines = new SharedDeadlines(60_000);
    const caller = new AbortController();
    const plain = deadlines.start(undefined);
    const followed = deadlines.start(caller.signal);
    expect(followed).toBeInstanceOf(AttemptDeadline);
    expect(followed.signal).not.toBe(plain.signal);
    const reason = new Error('stop');
    caller.abort(reason);
    expect(followed.signal.reason).toBe(reason);
    expect(plain.signal.aborted).toBe(false);
    plain.release();
    followed.release();
  });

  it('does not keep the process alive: its timer is unref’d', () => {
    const deadlines = new SharedDeadlines(60_000);
    const deadline = deadlines.start(undefined);
    const timer = (deadlines as unknown as { timer: { hasRef(): boolean } }).timer;
    expect(timer.hasRef()).toBe(false);
    deadline.release();
  });

  it('fires with real timers too', async () => {
    const deadlines = new SharedDeadlines(5);
    const { signal } = deadlines.start(undefined);
    await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
    expect(isTimeout(signal)).toBe(true);
  });
});
