/** Ids remembered at least, whatever the page size: small pages must not make a re-read fragile. */
export const MIN_REMEMBERED_IDS = 100;

/** One page more than the listing has in flight, and at least MIN_REMEMBERED_IDS ids. */
export function pagesToKeep(pagesInFlight: number, pageSize: number): number {
  return Math.max(pagesInFlight + 1, Math.ceil(MIN_REMEMBERED_IDS / pageSize));
}

/**
 * The ids of the current walk's last `pagesKept` pages, plus those from before its re-reads (at most MAX_RESTARTS + 1
 * windows: bounded memory): the sdk README, "How a re-read stays exact".
 */
export class RecentIds {
  readonly #walk = new Set<string>();
  readonly #pages: string[][] = [];
  #current: string[] = [];
  // From before the current walk: `previous` are dropped as repeats, `anchors` may end a re-read's skipping.
  #previous = new Set<string>();
  #anchors = new Set<string>();
  #forgottenThisWalk = false;
  #awaitingAnchor = false;
  #anchorPagesLeft = 0;
  #awaitingAtPageStart = false;

  constructor(readonly pagesKept: number) {}

  /** Ids and pages of the current walk still remembered (the positions just before it got to). */
  get walkSize(): number {
    return this.#walk.size;
  }
  get walkPages(): number {
    return this.#pages.length;
  }

  /** True while nothing has been forgotten: the ids cover everything read since the listing's start. */
  complete = true;
  /** The first id the current walk read twice, if any: the pagers re-read. */
  repeatedId: string | undefined;

  /** A re-read met no anchor in its first `pagesKept + 2` pages, or before the list ended: the shift was too large. */
  anchorLost(atEnd: boolean): boolean {
    return this.#awaitingAnchor && (atEnd || this.#anchorPagesLeft <= 0);
  }

  /** Why a walk stops at the page just read (`from`: where it began): a repeat (re-read), or a lost anchor (give up). */
  problem(atEnd: boolean, from: string): { detail: string; lostAnchor?: boolean } | undefined {
    if (this.repeatedId !== undefined) return { detail: `collection ${this.repeatedId} was served twice` };
    if (!this.anchorLost(atEnd)) return undefined;
    const detail = `the re-read from ${from} met none of the ${this.pagesKept} pages last read: more moved than the listing remembers`;
    return { detail, lostAnchor: true };
  }

  /** Whether to yield the collection with this id (not read before, and not before a re-read's anchor). */
  admit(id: string): boolean {
    const inWalk = this.#walk.has(id);
    const known = inWalk || this.#previous.has(id);
    if (!inWalk) {
      this.#walk.add(id);
      this.#current.push(id);
    } else this.repeatedId ??= id;
    if (this.#awaitingAnchor) {
      if (this.#anchors.has(id)) this.#awaitingAnchor = false;
      return false;
    }
    return !known;
  }

  /**
   * Closes the page being read; forgets the walk's oldest pages beyond `pagesKept`. A page with a repeat is
   * forgotten instead (it is not shown), so a re-read yields its collections.
   */
  endPage(): void {
    if (this.repeatedId !== undefined) {
      for (const id of this.#current) this.#walk.delete(id);
      this.#current = [];
      this.#awaitingAnchor = this.#awaitingAtPageStart;
      return;
    }
    this.#pages.push(this.#current);
    this.#current = [];
    if (this.#awaitingAnchor) this.#anchorPagesLeft--;
    this.#awaitingAtPageStart = this.#awaitingAnchor;
    while (this.#pages.length > this.pagesKept) {
      for (const id of this.#pages.shift()!) this.#walk.delete(id);
      this.complete = false;
      this.#forgottenThisWalk = true;
    }
  }

  /** A re-read begins; `anchored`: it starts before the frontier, so items are skipped up to the first anchor. */
  startWalk(anchored: boolean): void {
    // A re-read interrupted before its anchor keeps the anchors; see the README for which ids may anchor.
    if (!this.#awaitingAnchor) {
      if (this.#forgottenThisWalk) this.#anchors = new Set<string>();
      for (const id of this.#walk) this.#anchors.add(id);
    }
    for (const id of this.#walk) this.#previous.add(id);
    this.#walk.clear();
    this.#pages.length = 0;
    this.#current = [];
    this.#forgottenThisWalk = false;
    this.repeatedId = undefined;
    this.#awaitingAnchor = anchored;
    this.#awaitingAtPageStart = anchored;
    this.#anchorPagesLeft = this.pagesKept + 2;
  }
}
