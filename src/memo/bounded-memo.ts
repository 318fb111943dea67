/**
 * A memo of a pure function with a cap on its size. When the cap is reached
 * it forgets everything and starts again: a build's working set (every title
 * and abstract of the archive) fits under the caps used here, and a memo that
 * never forgets would grow with the archive in long-running processes.
 */
export class BoundedMemo<Key, Value> {
  private readonly entries = new Map<Key, Value>();

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`BoundedMemo: limit must be a positive integer, not ${limit}`);
  }

  get size(): number {
    return this.entries.size;
  }

  has(key: Key): boolean {
    return this.entries.has(key);
  }

  /** The remembered value of `key`, or `compute()` remembered. */
  get(key: Key, compute: (key: Key) => Value): Value {
    if (this.entries.has(key)) return this.entries.get(key) as Value;
    const value = compute(key);
    this.set(key, value);
    return value;
  }

  set(key: Key, value: Value): void {
    if (this.entries.size >= this.limit && !this.entries.has(key)) this.entries.clear();
    this.entries.set(key, value);
  }
}
