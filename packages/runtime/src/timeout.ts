/** Default per-attempt timeout. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** One attempt's deadline, as the transport and the body readers see it. */
export interface Deadline {
  /** Aborts when the deadline passes (reason: a DOMException named 'TimeoutError') or the caller aborts. */
  readonly signal: AbortSignal;
  readonly timeoutMs: number;
  /** The attempt is over (retried, failed, or its body read): stop watching. Safe to call more than once. */
  release(): void;
}

/**
 * One attempt's signal: aborts when the caller's signal aborts (with its reason) or when `timeoutMs` passes
 * (with a DOMException named 'TimeoutError', like `AbortSignal.timeout`).
 *
 * Why not `AbortSignal.any([caller, AbortSignal.timeout(ms)])`: on Node 20.20 every `any()` stays registered on
 * its source signals until they abort — measured here, 600 000 calls with one long-lived caller signal (a
 * process-wide shutdown signal is a common pattern) left 600 000 dependants and +170 MiB RSS. It is also missing
 * from browsers before 2023. So this combines by hand and unhooks itself: `release()` when the attempt is over
 * (retried, failed, or its body read), and at the latest when the deadline fires. The listener is the object
 * itself (`handleEvent`) and the timer gets `this` as its argument: no closures per attempt.
 */
export class AttemptDeadline implements Deadline {
  readonly signal: AbortSignal;
  private readonly controller: AbortController;
  private caller: AbortSignal | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly timeoutMs: number,
    caller: AbortSignal | undefined,
  ) {
    this.controller = new AbortController();
    this.signal = this.controller.signal;
    if (caller?.aborted) {
      this.controller.abort(caller.reason);
      return;
    }
    if (caller) {
      caller.addEventListener('abort', this);
      this.caller = caller;
    }
    this.timer = setTimeout(expire, timeoutMs, this);
    // Node-like runtimes: a pending deadline alone must not keep the process alive.
    (this.timer as { unref?: () => void }).unref?.();
  }

  /** The caller's signal fired. */
  handleEvent(): void {
    this.controller.abort(this.caller?.reason);
    this.release();
  }

  /** The deadline passed. */
  expire(): void {
    this.controller.abort(new DOMException('The operation timed out.', 'TimeoutError'));
    this.release();
  }

  /** Stops watching: clears the timer and unhooks from the caller's signal. Safe to call more than once. */
  release(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.caller !== undefined) {
      this.caller.removeEventListener('abort', this);
      this.caller = undefined;
    }
  }
}

function expire(deadline: AttemptDeadline): void {
  deadline.expire();
}

/** Attempts starting within this many milliseconds of a group's first share its signal and its deadline. */
const GROUP_SPAN_MS = 1;
/** Few enough that undici (one abort listener per Request on the signal) never warns about MaxListeners. */
const GROUP_MAX_JOINS = 100;

/** Attempts that share one signal: started together, so their deadlines (start + timeoutMs) coincide. */
class DeadlineGroup {
  readonly controller = new AbortController();
  /** Attempts of this group not released yet. */
  live = 0;
  joins = 0;
  queued = true;
  prev: DeadlineGroup | undefined = undefined;
  next: DeadlineGroup | undefined = undefined;
  constructor(readonly deadline: number) {}
}

/** One attempt's handle on a shared group: releasing it leaves the group, once. */
class SharedDeadline implements Deadline {
  readonly signal: AbortSignal;
  private group: DeadlineGroup | undefined;

  constructor(
    private readonly owner: SharedDeadlines,
    group: DeadlineGroup,
  ) {
    this.group = group;
    this.signal = group.controller.signal;
  }

  get timeoutMs(): number {
    return this.owner.timeoutMs;
  }

  release(): void {
    const group = this.group;
    if (group === undefined) return;
    this.group = undefined;
    this.owner.leave(group);
  }
}

/**
 * Per-attempt deadlines for attempts without a caller signal, for one `timeoutMs` (one instance per transport).
 *
 * Why: an AbortSignal costs ≈3–4 µs of CPU in Node 20 with its garbage, a large share of a call's own work
 * (packages/bench B1/B2). Attempts with the same timeout that start within GROUP_SPAN_MS of each other have the
 * same deadline to setTimeout's own resolution, so they share one signal. With no caller signal, the only thing
 * that aborts it is that common deadline: one attempt never aborts another. An attempt with a caller signal gets
 * its own AttemptDeadline (its caller may abort it alone).
 *
 * Groups are queued in start order, which is deadline order: one timer, for the oldest group, replaces a
 * setTimeout per attempt. A group leaves the queue when its last attempt is released (O(1), never aborted) —
 * except the newest, which later attempts may still join; or when its deadline passes (aborted if any attempt
 * is still in it). The timer is pending only while some attempt is, and unref'd: a pending deadline never
 * keeps a process alive. Web-standard APIs only (performance.now, setTimeout, AbortController): it runs in
 * browsers too.
 */
export class SharedDeadlines {
  private head: DeadlineGroup | undefined = undefined;
  private tail: DeadlineGroup | undefined = undefined;
  private timer: ReturnType<typeof setTimeout> | undefined = undefined;
  /** The deadline the timer was set for: when it fires, that much time has passed, whatever the clock says. */
  private armedFor = 0;

  constructor(readonly timeoutMs: number) {}

  /** A deadline `timeoutMs` from now, following `caller` if given. */
  start(caller: AbortSignal | undefined): Deadline {
    if (caller !== undefined) return new AttemptDeadline(this.timeoutMs, caller);
    const now = performance.now();
    let group = this.tail;
    if (
      group === undefined ||
      now + this.timeoutMs - group.deadline >= GROUP_SPAN_MS ||
      group.joins >= GROUP_MAX_JOINS
    ) {
      // The newest group stayed queued for joiners only: nobody can join it any more.
      if (group !== undefined && group.live === 0) this.unlink(group);
      group = new DeadlineGroup(now + this.timeoutMs);
      group.prev = this.tail;
      if (this.tail === undefined) this.head = group;
      else this.tail.next = group;
      this.tail = group;
    }
    group.joins++;
    group.live++;
    if (this.timer === undefined) this.arm(this.head as DeadlineGroup, now);
    return new SharedDeadline(this, group);
  }

  /** An attempt of `group` is over. */
  leave(group: DeadlineGroup): void {
    group.live--;
    if (group.live > 0 || !group.queued) return;
    if (group !== this.tail) this.unlink(group);
    else if (group === this.head) this.disarm(); // no attempt left anywhere: no timer left behind
  }

  private disarm(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  private unlink(group: DeadlineGroup): void {
    group.queued = false;
    if (group.prev === undefined) this.head = group.next;
    else group.prev.next = group.next;
    if (group.next === undefined) this.tail = group.prev;
    else group.next.prev = group.prev;
    group.prev = group.next = undefined;
    if (this.head === undefined) this.disarm();
  }

  private arm(group: DeadlineGroup, now: number): void {
    this.armedFor = group.deadline;
    this.timer = setTimeout(fire, Math.max(0, group.deadline - now), this);
    // Node-like runtimes: a pending deadline alone must not keep the process alive.
    (this.timer as { unref?: () => void }).unref?.();
  }

  /** The timer fired: every group due by then times out. */
  expire(): void {
    this.timer = undefined;
    const now = performance.now();
    const due = Math.max(now, this.armedFor);
    let group = this.head;
    while (group !== undefined && group.deadline <= due) {
      const next = group.next;
      if (group.live > 0) {
        group.controller.abort(new DOMException('The operation timed out.', 'TimeoutError'));
      }
      this.unlink(group);
      group = next;
    }
    // Re-armed only for attempts still running (a queued newest group may have none).
    const head = this.head;
    if (head !== undefined && (head.live > 0 || head !== this.tail)) this.arm(head, now);
  }
}

function fire(deadlines: SharedDeadlines): void {
  deadlines.expire();
}
