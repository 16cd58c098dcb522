import type { FileFacts } from './facts';

/**
 * Shares what the facts of many files repeat, for a project index that holds every file's facts
 * at once (the CLI's project pass on a large tree): equal strings become one string, empty
 * lists one frozen empty list, and equal positions (`{ line, column }`, immutable like all facts)
 * and equal records of plain values (an import, a call a function makes) one frozen object. The facts read the same afterwards; only their memory is shared. One `FactsPool`
 * serves one index.
 */
export class FactsPool {
  private readonly strings = new Map<string, string>();
  private readonly positions = new Map<number, { readonly line: number; readonly column: number }>();
  private readonly records = new Map<string, unknown>();

  /** The facts, compacted in place (they must be freshly parsed, owned by no one else). */
  compact<T extends FileFacts>(facts: T): T {
    return this.value(facts) as T;
  }

  private value(value: unknown): unknown {
    if (typeof value === 'string') return this.string(value);
    if (typeof value !== 'object' || value === null) return value;
    if (Array.isArray(value)) {
      if (value.length === 0) return EMPTY;
      for (let i = 0; i < value.length; i++) value[i] = this.value(value[i]);
      return value;
    }
    const record = value as Record<string, unknown>;
    const line = record.line;
    const column = record.column;
    if (typeof line === 'number' && typeof column === 'number' && Object.keys(record).length === 2) return this.position(line, column);
    let leaf = true;
    for (const key in record) {
      const field = (record[key] = this.value(record[key]));
      if (typeof field === 'object' && field !== null) leaf = false;
    }
    return leaf ? this.record(record) : record;
  }

  /** A record of strings, numbers and booleans only (an import, a call): one object for equal ones. */
  private record(record: Record<string, unknown>): unknown {
    let key = '';
    for (const name in record) {
      const field = record[name];
      key += `${name}\u0001${typeof field === 'string' ? field : typeof field === 'number' ? `#${field}` : field ? '+' : '-'}\u0002`;
    }
    const known = this.records.get(key);
    if (known !== undefined) return known;
    this.records.set(key, Object.freeze(record));
    return record;
  }

  private string(text: string): string {
    const known = this.strings.get(text);
    if (known !== undefined) return known;
    this.strings.set(text, text);
    return text;
  }

  private position(line: number, column: number): { readonly line: number; readonly column: number } {
    const key = line * 0x100000 + column;
    let position = this.positions.get(key);
    if (!position) this.positions.set(key, (position = Object.freeze({ line, column })));
    return position;
  }
}

const EMPTY: readonly never[] = Object.freeze([]);
