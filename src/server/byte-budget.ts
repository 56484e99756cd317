/**
 * Caches that share one budget in bytes, evicting the least recently used entry of any of them first: a server's
 * rendered pages, encoded responses, previews and brackets compete for the same memory, so a burst of one kind
 * pushes out the others' stale entries instead of growing without bound.
 */
export class ByteBudget {
  /** Every cached entry of every cache, least recently used first (Map iteration order is insertion order). */
  private readonly entries = new Map<BudgetEntry, true>();
  private used = 0;

  constructor(readonly limitBytes: number) {
    if (!(Number.isFinite(limitBytes) && limitBytes > 0)) throw new RangeError(`cache budget ${limitBytes} bytes`);
  }

  /** Bytes held by all caches of this budget. */
  get usedBytes(): number {
    return this.used;
  }

  /** A cache whose entries cost `sizeOf(value)` bytes of this budget. */
  cache<K, V>(sizeOf: (value: V) => number): SizedCache<K, V> {
    return new SizedCache<K, V>(this, sizeOf);
  }

  /** @internal */
  touch(entry: BudgetEntry): void {
    this.entries.delete(entry);
    this.entries.set(entry, true);
  }

  /** @internal Adds an entry, then evicts the least recently used ones until the budget holds. */
  add(entry: BudgetEntry): void {
    this.entries.set(entry, true);
    this.used += entry.bytes;
    for (const oldest of this.entries.keys()) {
      if (this.used <= this.limitBytes) break;
      oldest.evict();
    }
  }

  /** @internal */
  remove(entry: BudgetEntry): void {
    if (this.entries.delete(entry)) this.used -= entry.bytes;
  }
}

interface BudgetEntry {
  readonly bytes: number;
  evict(): void;
}

/** One cache of a ByteBudget: a map whose entries the budget may evict whenever another entry is added. */
export class SizedCache<K, V> {
  private readonly entries = new Map<K, BudgetEntry & { value: V }>();

  constructor(
    private readonly budget: ByteBudget,
    private readonly sizeOf: (value: V) => number,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.budget.touch(entry);
    return entry.value;
  }

  /** Stores the value unless it alone is larger than the whole budget. */
  set(key: K, value: V): void {
    this.delete(key);
    const bytes = this.sizeOf(value);
    if (!(bytes >= 0) || bytes > this.budget.limitBytes) return;
    const entry = {
      value,
      bytes,
      evict: () => {
        this.budget.remove(entry);
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    };
    this.entries.set(key, entry);
    this.budget.add(entry);
  }

  delete(key: K): void {
    const entry = this.entries.get(key);
    if (entry) entry.evict();
  }

  clear(): void {
    for (const entry of [...this.entries.values()]) entry.evict();
  }

  /** The cached value, or `create()` stored and returned (a throw stores nothing). */
  getOrCreate(key: K, create: () => V): V {
    const cached = this.get(key);
    if (cached !== undefined) return cached;
    const value = create();
    this.set(key, value);
    return value;
  }
}

/** Bytes of a string held in memory (V8 keeps most as one byte a character; two is the safe side). */
export function stringBytes(text: string): number {
  return 2 * text.length;
}
