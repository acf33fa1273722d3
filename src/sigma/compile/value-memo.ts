// A bounded memo from field value text to what an expensive pure function of it returned.
//
// Windows logs repeat most of their values (channel, computer, provider, image paths, users,
// command lines of services and scheduled tasks), and scanning a value with an automaton or a
// regex costs far more than looking it up. Values that do not repeat (GUIDs, hashes, timestamps)
// would only fill a memo, so a memo that finds too little pauses for a while. Memory is bounded
// twice, whatever the input: per memo (entries and key length) and across memos (a shared budget
// of entries).

/** Longer values are computed every time: they rarely repeat and hashing them costs more. */
export const MEMO_MAX_LENGTH = 256;
/** Entries per memo before it starts over. */
const CAPACITY = 256;
/** Every this many lookups, a memo that found fewer repeats than `MIN_FOUND_SHARE` pauses. */
const CHECK_EVERY = 256;
const MIN_FOUND_SHARE = 0.25;
const PAUSE_LOOKUPS = 8192;

/** Entries that a set of memos may hold together. */
export interface MemoBudget {
  remaining: number;
}

export function createMemoBudget(entries: number): MemoBudget {
  return { remaining: entries };
}

/** A remembered value; `text` is the memo's own copy of the key. */
export interface MemoEntry<V> {
  readonly text: string;
  readonly value: V;
}

export class ValueMemo<V> {
  private readonly entries = new Map<string, MemoEntry<V>>();
  private readonly budget: MemoBudget;
  private lookups = 0;
  private found = 0;
  /** Lookups left to skip while paused. */
  private paused = 0;

  constructor(budget: MemoBudget) {
    this.budget = budget;
  }

  /** The remembered entry for `text`, or undefined: compute its value and call `remember`. */
  lookup(text: string): MemoEntry<V> | undefined {
    if (this.paused > 0) {
      this.paused--;
      return undefined;
    }
    if (++this.lookups === CHECK_EVERY) this.check();
    const entry = this.entries.get(text);
    if (entry !== undefined) this.found++;
    return entry;
  }

  /** Call only after `lookup(text)` returned undefined; undefined when not remembered. */
  remember(text: string, value: V): MemoEntry<V> | undefined {
    if (this.paused > 0 || text.length > MEMO_MAX_LENGTH) return undefined;
    if (this.entries.size >= CAPACITY) this.clear();
    if (this.budget.remaining <= 0) return undefined;
    this.budget.remaining--;
    // A copy: the value may be a slice of a large decoded buffer, which the key would keep alive.
    // The concatenation is flattened into a new string when sliced; the slice holds only that.
    const entry = { text: ` ${text}`.slice(1), value };
    this.entries.set(entry.text, entry);
    return entry;
  }

  private check(): void {
    if (this.found < CHECK_EVERY * MIN_FOUND_SHARE) {
      this.clear();
      this.paused = PAUSE_LOOKUPS;
    }
    this.lookups = 0;
    this.found = 0;
  }

  private clear(): void {
    this.budget.remaining += this.entries.size;
    this.entries.clear();
  }
}

/** Entries of every memoised value test in the process (regexes): about 10 MB at most. */
const TEST_BUDGET = createMemoBudget(16_384);

/** `test` with a memo: for value tests that cost far more than a lookup (regexes). */
export function memoizeTest(test: (text: string) => boolean): (text: string) => boolean {
  const memo = new ValueMemo<boolean>(TEST_BUDGET);
  return function memoizedTest(text) {
    if (text.length > MEMO_MAX_LENGTH) return test(text);
    const known = memo.lookup(text);
    if (known !== undefined) return known.value;
    const result = test(text);
    memo.remember(text, result);
    return result;
  };
}
