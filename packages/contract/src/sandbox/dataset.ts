/**
 * A mutable, resettable list of collections. Sandboxes read it on every request, so a fault hook or a
 * test can insert or remove items between pages to imitate concurrent edits.
 */
export class SandboxDataset<Item> {
  #items: Item[];
  readonly #initial: readonly Item[];
  readonly #idOf: (item: Item) => string;

  constructor(initial: readonly Item[], idOf: (item: Item) => string) {
    this.#initial = initial;
    this.#items = [...initial];
    this.#idOf = idOf;
  }

  /** The current collections, in the order the API returns them. */
  get items(): readonly Item[] {
    return this.#items;
  }

  get size(): number {
    return this.#items.length;
  }

  get(id: string): Item | undefined {
    return this.#items.find((item) => this.#idOf(item) === id);
  }

  /** Inserts at `index` (default: the end). Returns the new size. */
  insert(items: Item | readonly Item[], index = this.#items.length): number {
    const list = (Array.isArray(items) ? items : [items]) as Item[];
    this.#items.splice(Math.max(0, Math.min(index, this.#items.length)), 0, ...list);
    return this.#items.length;
  }

  /** Removes by id. Returns how many were removed. */
  remove(ids: string | readonly string[]): number {
    const wanted = new Set(typeof ids === 'string' ? [ids] : ids);
    const before = this.#items.length;
    this.#items = this.#items.filter((item) => !wanted.has(this.#idOf(item)));
    return before - this.#items.length;
  }

  /** Back to the generated collections. */
  reset(): void {
    this.#items = [...this.#initial];
  }
}
