/** Ids remembered at least, whatever the page size: small pages must not make a re-read fragile. */
export const MIN_REMEMBERED_IDS = 100;

/** How many pages a listing remembers: one more than it has in flight, and at least MIN_REMEMBERED_IDS ids. */
export function pagesToKeep(pagesInFlight: number, pageSize: number): number {
  return Math.max(pagesInFlight + 1, Math.ceil(MIN_REMEMBERED_IDS / pageSize));
}

/**
 * The ids a listing has read recently: those of the current walk's last `pagesKept` pages (see pagesToKeep), plus
 * those remembered from before its re-reads. A listing of any length holds a bounded number of ids: at most
 * MAX_RESTARTS + 1 windows. Used to drop repeats and to re-read after a shift without repeating anything (see
 * offsetPages and pageNumberPages).
 *
 * Why bounded is enough: the providers list in a stable order, every walk checks each page boundary (so it reads
 * the list in order, each item once), and a shift only ever hides collections that come after the furthest one
 * read (the frontier): everything before it has been yielded, or was inserted during the listing and may be left
 * out. So a re-read that starts a little before the frontier skips items until it meets an anchor, then yields
 * whatever it does not remember. Deletions move the anchor left (the pagers start the re-read one page further
 * back than the window reaches), insertions move it right (the search goes on for `pagesKept + 2` pages). A shift
 * too large for that shows as a re-read that meets no anchor in those pages or before the list ends; the pagers
 * report it as a ConsistencyError, never a guess (what was skipped may hold a missed item).
 *
 * An anchor must be an id after which every item yielded up to the frontier is still remembered; otherwise an
 * item forgotten between the two would be yielded again. The ids of a walk's window qualify (a walk reads in
 * order) once it has met its own anchor; earlier anchors keep qualifying only while the walk forgets nothing.
 * Ids that no longer qualify are kept to drop repeats.
 *
 * Why whole pages are forgotten, oldest first, only from the current walk: a walk reads in order, so an id read
 * `pagesKept` pages ago cannot come again in it; ids from before a re-read may still be ahead of it.
 */
export class RecentIds {
  private readonly walk = new Set<string>();
  private readonly pages: string[][] = [];
  private current: string[] = [];
  /** Ids from before the current walk: dropped as repeats. */
  private previous = new Set<string>();
  /** The ids from before the current walk that may serve as its anchor (see above). */
  private anchors = new Set<string>();
  private forgotten = false;
  private forgottenThisWalk = false;
  private awaitingAnchor = false;
  private anchorPagesLeft = 0;
  private repeat: string | undefined;
  private awaitingAtPageStart = false;

  constructor(readonly pagesKept: number) {}

  /** Ids read by the current walk that are still remembered (they cover the positions just before it got to). */
  get walkSize(): number {
    return this.walk.size;
  }

  /** Pages of the current walk still remembered. */
  get walkPages(): number {
    return this.pages.length;
  }

  /** True while nothing has been forgotten: the ids cover everything read since the listing's start. */
  get complete(): boolean {
    return !this.forgotten;
  }

  /**
   * True when a re-read gave up looking for an anchor: none in its first `pagesKept + 2` pages, or none before
   * the list ended (`atEnd`). The shift was larger than the window.
   */
  anchorLost(atEnd: boolean): boolean {
    return this.awaitingAnchor && (atEnd || this.anchorPagesLeft <= 0);
  }

  /**
   * The first id the current walk read twice, if any. A walk reads the list in order (every page boundary is
   * checked), so it meets each id once: a repeat means the server served a collection twice, or (without
   * Shoplazza's boundary probe) that an insertion shifted it across a boundary. The pagers re-read and, if it
   * persists, throw ConsistencyError: dropping it silently would only last while the id is remembered, and
   * yield it again once forgotten.
   */
  get repeatedId(): string | undefined {
    return this.repeat;
  }

  /** Whether to yield the collection with this id (not read before, and not before a re-read's anchor). */
  admit(id: string): boolean {
    const inWalk = this.walk.has(id);
    const known = inWalk || this.previous.has(id);
    if (!inWalk) {
      this.walk.add(id);
      this.current.push(id);
    } else if (this.repeat === undefined) this.repeat = id;
    if (this.awaitingAnchor) {
      if (this.anchors.has(id)) this.awaitingAnchor = false;
      return false;
    }
    return !known;
  }

  /**
   * Forgets the page being read as if it had never been (a page with a repeat is not shown: the pagers re-read
   * instead), so a re-read yields its collections. Only ids new to the walk were added, so removing them restores
   * the walk exactly.
   */
  discardPage(): void {
    for (const id of this.current) this.walk.delete(id);
    this.current = [];
    this.awaitingAnchor = this.awaitingAtPageStart;
  }

  /** Closes the page being read; forgets the walk's oldest pages beyond `pagesKept`. */
  endPage(): void {
    this.pages.push(this.current);
    this.current = [];
    if (this.awaitingAnchor) this.anchorPagesLeft--;
    this.awaitingAtPageStart = this.awaitingAnchor;
    while (this.pages.length > this.pagesKept) {
      for (const id of this.pages.shift()!) this.walk.delete(id);
      this.forgotten = true;
      this.forgottenThisWalk = true;
    }
  }

  /**
   * A new walk begins (a re-read). Everything remembered so far stays remembered through it. `anchored`: it
   * starts before the frontier, so items are skipped up to the first anchor.
   */
  startWalk(anchored: boolean): void {
    // A re-read interrupted before it met its anchor yielded nothing: the anchors stay as they were, and its own
    // ids (read before any anchor) are not anchors. Otherwise the walk's window qualifies; the earlier anchors
    // only while the walk forgot nothing (it may have yielded, then forgotten, an item just after one of them).
    if (!this.awaitingAnchor) {
      if (this.forgottenThisWalk) this.anchors = new Set<string>();
      for (const id of this.walk) this.anchors.add(id);
    }
    for (const id of this.walk) this.previous.add(id);
    this.walk.clear();
    this.pages.length = 0;
    this.current = [];
    this.forgottenThisWalk = false;
    this.repeat = undefined;
    this.awaitingAnchor = anchored;
    this.awaitingAtPageStart = anchored;
    this.anchorPagesLeft = this.pagesKept + 2;
  }
}
