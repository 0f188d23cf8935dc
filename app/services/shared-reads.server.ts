// Reads that are the same for every viewer and would otherwise cost a query on every page view
// (the hot-questions box), kept in this process until the database announces a change: the same
// notification that empties the anonymous page cache (app/server/page-cache.ts), so they are
// never staler than those pages, and a minute at most. Until the listener is connected (and in
// tests and scripts, which have none) nothing is kept. Signed-in pages use them too: what is shared
// is the same for everyone, and the viewer's own parts (votes, permissions) are always read.
export class SharedReads {
  private entries = new Map<string, { value: Promise<unknown>; storedAt: number }>();
  private listening = false;

  constructor(
    private readonly maxAgeMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Change notifications arrive (again): reads may be kept. What was kept before may be stale. */
  connected(): void {
    this.listening = true;
    this.entries.clear();
  }

  /** Something a shared read could show has changed. */
  changed(): void {
    this.entries.clear();
  }

  /** The kept value for `key`, or `load()`'s, kept for the next reader. A failed load is not kept. */
  read<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (!this.listening) return load();
    const kept = this.entries.get(key);
    if (kept && this.now() - kept.storedAt <= this.maxAgeMs) return kept.value as Promise<T>;
    const value = load();
    this.entries.set(key, { value, storedAt: this.now() });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }
}

/** Reads pass straight through: for callers with no notifications to rely on. */
export const UNSHARED = new SharedReads();
