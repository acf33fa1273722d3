// Scans the field values of one route's events with its automata, through value memos, and
// records every hit in the event's predicate state.
import { type Event, METADATA_FIELDS } from '../../core/index.ts';
import { textOf } from '../compile/event-values.ts';
import {
  createMemoBudget,
  MEMO_MAX_LENGTH,
  type MemoBudget,
  type MemoEntry,
  ValueMemo,
} from '../compile/value-memo.ts';
import type { EventPredicates } from './event-predicates.ts';
import { DECIDES, type FieldScanner, type RouteProgram } from './route-program.ts';

/**
 * Values with more hits are scanned every time: they are rare, and the bound keeps a memo entry
 * under about 1 KB (key and hits), so the matcher's memos stay under 40 MB.
 */
const MEMO_MAX_HITS = 64;
/** Field names get their own keyword memo up to this many; the rest share one. */
const KEYWORD_FIELD_MEMOS = 256;
/**
 * Field names whose run is remembered; past it a name is resolved each time. Field names come
 * from the input: a body with millions of distinct ones grew this map until the thread's heap
 * ran out in one allocation, which aborts the whole process, not just a worker.
 */
const CACHED_FIELD_NAMES = 4096;
/** Positions of the remembered field order (events of one source repeat it). */
const SHAPE_POSITIONS = 256;

const NO_HITS: readonly number[] = Object.freeze([]);

function shortestPattern(scanner: FieldScanner): number {
  let shortest = Number.MAX_SAFE_INTEGER;
  for (const length of scanner.patternLength) if (length < shortest) shortest = length;
  return shortest;
}

/** Where the hits of one field's values sit in `EventPredicates.hits` for the current event. */
export interface HitRange {
  /** The generation the range belongs to; other generations mean the field was not scanned. */
  readonly stamp: number;
  readonly start: number;
  readonly end: number;
}

/** One field's scanner with its memo of value → encoded hits (predicate id << 1 | decides). */
class FieldRun implements HitRange {
  stamp = 0;
  start = 0;
  end = 0;
  /** The last value looked up: consecutive events often repeat a field's value. */
  last: MemoEntry<readonly number[]> | undefined;
  readonly scanner: FieldScanner;
  readonly memo: ValueMemo<readonly number[]>;
  /** The shortest pattern's length: a shorter value holds no occurrence of any. */
  readonly shortest: number;

  constructor(scanner: FieldScanner, budget: MemoBudget) {
    this.scanner = scanner;
    this.shortest = shortestPattern(scanner);
    this.memo = new ValueMemo(budget);
  }
}

export class RouteScan {
  private readonly state: EventPredicates;
  private readonly budget: MemoBudget;
  /** False when the matcher keeps no memos: then nothing is looked up. */
  private readonly memoize: boolean;
  private readonly named = new Map<string, FieldRun>();
  private readonly keyword: FieldScanner | undefined;
  /** Field name → its run (null: not scanned); at most `CACHED_FIELD_NAMES` of them. */
  private readonly runOf = new Map<string, FieldRun | null>();
  private readonly sharedKeywordRun: FieldRun | undefined;
  /** The field order of the last events, so a field's run is found without a map lookup. */
  private readonly shapeNames: string[] = [];
  private readonly shapeRuns: (FieldRun | null)[] = [];
  private scanner: FieldScanner | undefined;
  private valueLength = 0;
  /** Encoded hits of the value being scanned. */
  private readonly found: number[] = [];
  private foundCount = 0;

  constructor(program: RouteProgram, state: EventPredicates, budget: MemoBudget | null) {
    this.state = state;
    this.budget = budget ?? createMemoBudget(0);
    this.memoize = budget !== null;
    for (const scanner of program.scanners) {
      if (scanner.field === null) this.keyword = scanner;
      else this.named.set(scanner.field, new FieldRun(scanner, this.budget));
    }
    if (this.keyword !== undefined) this.sharedKeywordRun = new FieldRun(this.keyword, this.budget);
  }

  /** The hit range of a field that has its own automaton. */
  rangeOf(field: string): HitRange | undefined {
    return this.named.get(field);
  }

  scan(event: Event): void {
    const names = this.shapeNames;
    const runs = this.shapeRuns;
    let position = 0;
    for (const name in event) {
      let run: FieldRun | null;
      if (names[position] === name) run = runs[position] as FieldRun | null;
      else {
        run = this.resolve(name);
        if (position < SHAPE_POSITIONS) {
          names[position] = name;
          runs[position] = run;
        }
      }
      position++;
      if (run !== null) this.scanField(run, event[name]);
    }
  }

  private resolve(name: string): FieldRun | null {
    const known = this.runOf.get(name);
    if (known !== undefined) return known;
    let run: FieldRun | null = this.named.get(name) ?? null;
    if (run === null && this.keyword !== undefined && !METADATA_FIELDS.has(name)) {
      // Field names come from the input: past a bound, new ones share one keyword memo.
      if (this.runOf.size >= KEYWORD_FIELD_MEMOS) return this.sharedKeywordRun as FieldRun;
      run = new FieldRun(this.keyword, this.budget);
    }
    // New keyword runs are made below KEYWORD_FIELD_MEMOS only, so each is kept here.
    if (this.runOf.size < CACHED_FIELD_NAMES) this.runOf.set(name, run);
    return run;
  }

  private scanField(run: FieldRun, raw: Event[string]): void {
    if (raw === undefined) return;
    run.stamp = this.state.generation;
    run.start = this.state.hitCount;
    if (typeof raw === 'string') this.scanText(run, raw);
    else if (typeof raw === 'number') this.scanText(run, String(raw));
    else for (const v of raw) this.scanText(run, textOf(v));
    run.end = this.state.hitCount;
  }

  private scanText(run: FieldRun, text: string): void {
    // Too short to hold any pattern: no hits, and not worth a memo lookup (most short values).
    if (text.length < run.shortest) return;
    // Even a short value costs less to look up than to scan (measured with `bench sigma`).
    const memo = this.memoize && text.length <= MEMO_MAX_LENGTH ? run.memo : null;
    if (memo !== null) {
      let known = run.last;
      if (known === undefined || text !== known.text) {
        known = memo.lookup(text);
        if (known !== undefined) run.last = known;
      }
      if (known !== undefined) {
        this.record(known.value, known.value.length);
        return;
      }
    }
    this.scanner = run.scanner;
    this.valueLength = text.length;
    this.foundCount = 0;
    run.scanner.automaton.scan(text, this.onPattern);
    const count = this.foundCount;
    if (memo !== null && count <= MEMO_MAX_HITS) {
      const entry = memo.remember(text, count === 0 ? NO_HITS : this.found.slice(0, count));
      if (entry !== undefined) run.last = entry;
    }
    this.record(this.found, count);
  }

  private record(encoded: readonly number[], count: number): void {
    const state = this.state;
    for (let k = 0; k < count; k++) {
      const code = encoded[k] as number;
      state.hit(code >> 1, (code & 1) === 1);
    }
  }

  /** Keeps the pattern's entries whose anchoring the occurrence satisfies. */
  private readonly onPattern = (pattern: number, end: number): void => {
    const s = this.scanner as FieldScanner;
    const start = end - (s.patternLength[pattern] as number) + 1;
    const last = this.valueLength - 1;
    for (let k = s.entryStart[pattern] as number; k < (s.entryStart[pattern + 1] as number); k++) {
      const code = s.entryCode[k] as number;
      const anchoring = code & 3;
      if (
        anchoring === 3 ||
        (anchoring === 1 && start === 0) ||
        (anchoring === 2 && end === last) ||
        (anchoring === 0 && start === 0 && end === last)
      ) {
        this.found[this.foundCount++] =
          ((s.entryPredicate[k] as number) << 1) | ((code & DECIDES) === 0 ? 0 : 1);
      }
    }
  };
}
